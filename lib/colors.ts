/** The palette lists and labels are coloured from; app/globals.css has a colour for each name. */
export const COLORS = ["grey", "red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"] as const;
export type Color = (typeof COLORS)[number];
