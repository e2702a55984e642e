import { useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import type { Theme } from '../../theme';
import { ReviewTab } from './ReviewTab';
import './anonymise.css';

export interface AnonymiseTabProps {
  theme: Theme;
}

/** The Anonymise area's tabs, in the order an evaluator uses them; each tab is its own component. */
export const anonymiseTabs: { id: string; label: string; component: ComponentType<AnonymiseTabProps> }[] = [
  { id: 'review', label: 'Review', component: ReviewTab },
];

/** The Anonymise area: tabs for reviewing what was found in documents, disclosure risk and settings. */
export function AnonymiseArea({ theme }: { theme: Theme }) {
  useDocumentTitle('Anonymise');
  const [chosen, setChosen] = useState(anonymiseTabs[0]!.id);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const index = Math.max(
    0,
    anonymiseTabs.findIndex((tab) => tab.id === chosen),
  );
  const Current = anonymiseTabs[index]!.component;

  // The tab pattern of WAI-ARIA: arrows move between tabs, Home and End go to the first and last.
  const onKeyDown = (event: KeyboardEvent) => {
    const last = anonymiseTabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % anonymiseTabs.length
        : event.key === 'ArrowLeft'
          ? (index + last) % anonymiseTabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const id = anonymiseTabs[next]!.id;
    setChosen(id);
    tabs.current.get(id)?.focus();
  };

  return (
    <section className="area anonymise-area" aria-labelledby="anonymise-heading">
      <ScreenHeading id="anonymise-heading">Anonymise</ScreenHeading>
      <p className="lead">
        Review what was found in transcripts, journals and notes before they are used, and check the risk of
        anyone being recognised.
      </p>
      <div role="tablist" aria-label="Anonymise" className="area-tabs" onKeyDown={onKeyDown}>
        {anonymiseTabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabs.current.set(tab.id, element);
              else tabs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`anonymise-tab-${tab.id}`}
            aria-selected={tab.id === anonymiseTabs[index]!.id}
            aria-controls={`anonymise-panel-${tab.id}`}
            tabIndex={tab.id === anonymiseTabs[index]!.id ? 0 : -1}
            className="area-tab"
            onClick={() => setChosen(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`anonymise-panel-${anonymiseTabs[index]!.id}`}
        aria-labelledby={`anonymise-tab-${anonymiseTabs[index]!.id}`}
        className="area-tab-panel"
      >
        <Current theme={theme} />
      </div>
    </section>
  );
}
