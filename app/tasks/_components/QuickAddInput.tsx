"use client";

import { useRef, type KeyboardEvent, type Ref } from "react";
import { addLiteralRange, describeSpan, shiftLiteralRanges, type LiteralRange, type QuickAddResult, type QuickAddSpan } from "@/lib/quick-add";
import styles from "./QuickAddInput.module.css";

// The real <input> stays what people type into (screen readers, IME, autofill, undo); its text is
// transparent and an aria-hidden copy behind it shows the recognised parts highlighted. What was
// recognised is also said in words below, in a polite live region, each with a way to keep it as
// text. Backspace right after a recognised part keeps it as text first; a second one deletes.

export type QuickAddInputProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ranges of `value` the user keeps as text; kept in step with edits here. */
  literal: readonly LiteralRange[];
  onLiteralChange: (literal: LiteralRange[]) => void;
  /** `parseQuickAdd(value, { ..., literal })` */
  result: QuickAddResult;
  placeholder?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  /** The id of an error message about this field */
  errorId?: string;
};

type Segment = { text: string; span: QuickAddSpan | null };

function segments(value: string, spans: readonly QuickAddSpan[]): Segment[] {
  const parts: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: value.slice(at, span.start), span: null });
    parts.push({ text: value.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < value.length) parts.push({ text: value.slice(at), span: null });
  return parts;
}

export function QuickAddInput({ id, label, value, onChange, literal, onLiteralChange, result, placeholder, maxLength, inputRef, invalid, errorId }: QuickAddInputProps) {
  const mirror = useRef<HTMLDivElement>(null);
  const recognisedId = `${id}-recognised`;
  // The result may lag the text by a render; only spans that still match it are shown.
  const spans = result.spans.filter((span) => value.slice(span.start, span.end) === span.text);

  function keepAsText(span: QuickAddSpan) {
    onLiteralChange(addLiteralRange(literal, { start: span.start, end: span.end }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Backspace" || event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const { selectionStart, selectionEnd } = event.currentTarget;
    if (selectionStart === null || selectionStart !== selectionEnd) return;
    const span = spans.find((candidate) => candidate.end === selectionStart);
    if (!span) return;
    event.preventDefault();
    keepAsText(span);
  }

  function syncScroll(input: HTMLInputElement) {
    if (mirror.current) mirror.current.scrollLeft = input.scrollLeft;
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={styles.box}>
        <div className={styles.mirror} ref={mirror} aria-hidden="true">
          <span>
            {segments(value, spans).map((part) =>
              part.span ? (
                <mark key={part.span.start} className={styles[part.span.kind]}>
                  {part.text}
                </mark>
              ) : (
                part.text
              ),
            )}
          </span>
        </div>
        <input
          id={id}
          ref={inputRef}
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[errorId, recognisedId].filter(Boolean).join(" ")}
          onKeyDown={onKeyDown}
          onScroll={(event) => syncScroll(event.currentTarget)}
          onSelect={(event) => syncScroll(event.currentTarget)}
          onChange={(event) => {
            const next = event.target.value;
            onLiteralChange(shiftLiteralRanges(literal, value, next));
            onChange(next);
          }}
        />
      </div>
      <ul className={styles.recognised} id={recognisedId} aria-live="polite">
        {spans.map((span) => (
          <li key={`${span.kind}-${span.start}`}>
            <span>{describeSpan(span, result)}</span>
            <button type="button" className={`button ${styles.keep}`} aria-label={`Keep “${span.text}” as text`} onClick={() => keepAsText(span)}>
              Keep as text
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
