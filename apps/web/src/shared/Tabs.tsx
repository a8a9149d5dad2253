import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs after the WAI-ARIA pattern: one tab in the Tab order, arrow keys (and
 * Home/End) move between tabs and select them. Every panel is rendered (the
 * hidden ones with `hidden`), so print CSS can show them all.
 */
export function Tabs({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: { key: string; title: ReactNode; panel: ReactNode }[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  const id = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const next = (index + tabs.length) % tabs.length;
    onSelect(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => {
        move(selected + 1);
      },
      ArrowLeft: () => {
        move(selected - 1);
      },
      Home: () => {
        move(0);
      },
      End: () => {
        move(tabs.length - 1);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  return (
    <div className="tabs">
      <div className="tabs__bar">
        <span className="tabs__label" aria-hidden="true">
          {label}:
        </span>
        <div role="tablist" aria-label={label} className="tabs__list">
          {tabs.map((tab, i) => (
            <button
              key={tab.key}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${i}`}
              aria-selected={i === selected}
              aria-controls={`${id}-panel-${i}`}
              tabIndex={i === selected ? 0 : -1}
              onClick={() => {
                onSelect(i);
              }}
              onKeyDown={onKeyDown}
            >
              {tab.title}
            </button>
          ))}
        </div>
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${i}`}
          aria-labelledby={`${id}-tab-${i}`}
          hidden={i !== selected}
          tabIndex={0}
          className="tabs__panel"
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
