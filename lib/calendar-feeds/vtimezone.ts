import { Temporal } from "temporal-polyfill";

// A VTIMEZONE for an IANA zone, from the runtime's time zone data: RFC 5545 wants one for every
// TZID an event names, and parsers without the IANA database (ical.js among them) need it to
// place a moment. One observance per offset change within [from, until]; after `until` the last
// offset holds, which is why the window reaches years past the feed's last event.

const pad = (value: number) => String(value).padStart(2, "0");

/** An offset as RFC 5545 writes it: +0100, -0330, +053730 */
function utcOffset(nanoseconds: number): string {
  const seconds = Math.round(Math.abs(nanoseconds) / 1e9);
  const [hours, minutes, rest] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return `${nanoseconds < 0 ? "-" : "+"}${pad(hours)}${pad(minutes)}${rest ? pad(rest) : ""}`;
}

/** A local date-time as RFC 5545 writes it: 20261025T030000 */
const localText = (local: Temporal.PlainDateTime) => `${String(local.year).padStart(4, "0")}${pad(local.month)}${pad(local.day)}T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`;

function observance(kind: "STANDARD" | "DAYLIGHT", start: Temporal.PlainDateTime, from: number, to: number): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${localText(start)}`, `TZOFFSETFROM:${utcOffset(from)}`, `TZOFFSETTO:${utcOffset(to)}`, `END:${kind}`];
}

export function vtimezone(timeZone: string, from: Temporal.Instant, until: Temporal.Instant): string {
  let at = from.toZonedDateTimeISO(timeZone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, ...observance("STANDARD", at.toPlainDateTime(), at.offsetNanoseconds, at.offsetNanoseconds)];
  for (let next = at.getTimeZoneTransition("next"); next && Temporal.Instant.compare(next.toInstant(), until) <= 0; next = next.getTimeZoneTransition("next")) {
    // The onset in the local time of the offset it ends (RFC 5545 §3.6.5)
    const onset = next.toInstant().add({ nanoseconds: at.offsetNanoseconds }).toZonedDateTimeISO("UTC").toPlainDateTime();
    lines.push(...observance(next.offsetNanoseconds > at.offsetNanoseconds ? "DAYLIGHT" : "STANDARD", onset, at.offsetNanoseconds, next.offsetNanoseconds));
    at = next;
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
