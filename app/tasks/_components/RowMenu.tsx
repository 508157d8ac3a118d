"use client";

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

export interface MenuItem {
  label: string;
  danger?: boolean;
  run: () => void;
}

const GAP_PX = 4;

// A row's menu of actions: opens under its button (above it when the screen ends first), arrow
// keys move, Escape or a click elsewhere closes it, and focus goes back to the button it came from.
export function RowMenu({ anchor, label, items, onClose }: { anchor: HTMLElement; label: string; items: MenuItem[]; onClose: () => void }) {
  const menu = useRef<HTMLDivElement>(null);
  const rect = anchor.getBoundingClientRect();
  const [top, setTop] = useState(rect.bottom + GAP_PX);
  useLayoutEffect(() => {
    const height = menu.current?.offsetHeight ?? 0;
    if (rect.bottom + GAP_PX + height > window.innerHeight) setTop(Math.max(GAP_PX, rect.top - GAP_PX - height));
  }, [rect.bottom, rect.top]);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [onClose]);

  function close() {
    onClose();
    anchor.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      buttons[(moves[event.key] + buttons.length) % buttons.length]?.focus();
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      close();
    }
    event.stopPropagation(); // the page's shortcuts stay out of an open menu
  }

  return (
    <div ref={menu} className="row-menu" role="menu" aria-label={label} style={{ top, right: Math.max(8, window.innerWidth - rect.right) }} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.danger ? "danger" : undefined}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
