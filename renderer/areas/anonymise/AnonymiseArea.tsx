import { useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import type { Theme } from '../../theme';
import { AnonymisationSettings } from './AnonymisationSettings';
import { ReviewTab } from './ReviewTab';
import { RiskPanel } from './RiskPanel';
import './anonymise.css';

export interface AnonymiseTab {
  id: string;
  label: string;
  component: ComponentType<{ theme: Theme }>;
}

export const anonymiseTabs: AnonymiseTab[] = [
  { id: 'review', label: 'Review', component: ReviewTab },
  { id: 'risk', label: 'Disclosure risk', component: RiskPanel },
  { id: 'settings', label: 'Settings', component: AnonymisationSettings },
];

/**
 * The Anonymise area: its tabs, as the WAI-ARIA tabs pattern has them (arrow keys, Home and End move between
 * tabs; only the chosen tab is in the tab order).
 */
export function AnonymiseArea({ theme }: { theme: Theme }) {
  useDocumentTitle('Anonymise');
  const [chosen, setChosen] = useState(anonymiseTabs[0]!.id);
  const tabButtons = useRef(new Map<string, HTMLButtonElement>());
  const tab = anonymiseTabs.find((each) => each.id === chosen) ?? anonymiseTabs[0]!;
  const Panel = tab.component;

  const onKeyDown = (event: KeyboardEvent) => {
    const at = anonymiseTabs.findIndex((each) => each.id === chosen);
    const next = {
      ArrowRight: (at + 1) % anonymiseTabs.length,
      ArrowLeft: (at - 1 + anonymiseTabs.length) % anonymiseTabs.length,
      Home: 0,
      End: anonymiseTabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const id = anonymiseTabs[next]!.id;
    setChosen(id);
    tabButtons.current.get(id)?.focus();
  };

  return (
    <section className="area anonymise" aria-labelledby="anonymise-heading">
      <ScreenHeading id="anonymise-heading">Anonymise</ScreenHeading>
      <p className="lead">
        Review what was found in transcripts, journals and notes before they are used, check how identifiable
        participants are, coarsen what singles them out, and set the rules.
      </p>
      <div className="anonymise-tabs" role="tablist" aria-label="Anonymise" onKeyDown={onKeyDown}>
        {anonymiseTabs.map((each) => (
          <button
            key={each.id}
            ref={(element) => {
              if (element) tabButtons.current.set(each.id, element);
              else tabButtons.current.delete(each.id);
            }}
            type="button"
            role="tab"
            id={`anonymise-tab-${each.id}`}
            aria-selected={each.id === tab.id}
            aria-controls={`anonymise-panel-${each.id}`}
            tabIndex={each.id === tab.id ? 0 : -1}
            className="anonymise-tab"
            onClick={() => setChosen(each.id)}
          >
            {each.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`anonymise-panel-${tab.id}`}
        aria-labelledby={`anonymise-tab-${tab.id}`}
        className="anonymise-panel"
      >
        <Panel theme={theme} />
      </div>
    </section>
  );
}
