export const LABEL_NAME_MAX = 40;
export const LABELS_PER_USER_MAX = 200;
