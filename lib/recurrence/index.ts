// Recurring tasks: which rules a task may repeat by, when it is due next, and the rule in words.
// Pure (no database, no clock, no host time zone), so the browser and the server agree.
export { describeRule } from "./describe";
export { firstDue, nextDue, parseRule, type AllDayDue, type Due, type TimedDue } from "./occurrences";
export {
  INTERVAL_MAX,
  RECURRENCE_FREQUENCIES,
  RECURRENCE_MODES,
  RULE_MAX_LENGTH,
  WEEKDAYS,
  type Frequency,
  type ParsedRule,
  type Recurrence,
  type RecurrenceMode,
  type Weekday,
} from "./rule";
