import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useMe, useMemberships } from './api/queries.js';
import { activeTab, type TabPath } from './lib/tabs.js';

const NAV = [
  { to: '/', label: 'Home', end: true, signedIn: false },
  // Today's session belongs to a saved plan, and so to an account.
  { to: '/today', label: 'Today', end: false, signedIn: true },
  { to: '/plan', label: 'My plan', end: false, signedIn: false },
  { to: '/check-in', label: 'Check-in', end: false, signedIn: false },
  { to: '/progress', label: 'Progress', end: false, signedIn: false },
  // Imported runs belong to an account: the link shows once the runner is signed in.
  { to: '/training', label: 'Training', end: false, signedIn: true },
  { to: '/appointments', label: 'Appointments', end: false, signedIn: true },
  { to: '/account', label: 'Account', end: false, signedIn: false },
];
/** The bottom tab bar on phones, once signed in (the header's links then fold into "Menu"). */
const TABS: readonly { to: TabPath; label: string }[] = [
  { to: '/today', label: 'Today' },
  { to: '/plan', label: 'Plan' },
  { to: '/check-in', label: 'Check-in' },
  { to: '/training', label: 'Training' },
  { to: '/account', label: 'Account' },
];
/** The clinician's workspace: shown only to clinic members. */
const CLINIC_LINK = { to: '/clinic', label: 'Clinic', end: false, signedIn: true };

/** A list of navigation links. */
function NavList({
  items,
  className,
}: {
  items: readonly { to: string; label: string; end: boolean }[];
  className?: string;
}) {
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The frame of every page: skip link, header with navigation, the page, and a
 * footer that always says what Backtrack is not and when to get help.
 * After each navigation, focus moves to the new page's main heading.
 */
export function Layout() {
  const location = useLocation();
  const navigation = useNavigation();
  const me = useMe();
  const first = useRef(true);
  const memberships = useMemberships({ enabled: Boolean(me.data) });
  const isMember = Boolean(me.data) && (memberships.data?.length ?? 0) > 0;
  const signedIn = Boolean(me.data);
  const nav = [
    ...NAV.filter((item) => !item.signedIn || Boolean(me.data)),
    ...(isMember ? [CLINIC_LINK] : []),
  ];

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" aria-label="Backtrack home">
            <span aria-hidden="true" className="brand__mark">
              ↩
            </span>
            Backtrack
          </NavLink>
          <nav aria-label="Main" className={signedIn ? 'main-nav main-nav--tabbed' : 'main-nav'}>
            <NavList items={nav} className="nav" />
          </nav>
          {signedIn ? (
            // On phones the header keeps one line: every link under "Menu" (closed again on each page).
            <details className="nav-menu" key={location.pathname}>
              <summary>Menu</summary>
              <nav aria-label="Menu">
                <NavList items={nav} />
              </nav>
            </details>
          ) : null}
        </div>
        {navigation.state === 'loading' ? (
          <div className="loading-bar" role="status" aria-label="Loading page" />
        ) : null}
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Backtrack is <strong>not a diagnosis</strong> and does not replace an examination by a
          clinician.
        </p>
        <p>
          <strong>Emergency?</strong> New numbness around the bottom or genitals, a new change in
          bladder or bowel control, weakness in both legs, or a fever with back pain: call your
          local emergency number (112 in Europe, 999 in the UK, 911 in North America) or go to the
          emergency department now.
        </p>
      </footer>
      {signedIn ? (
        <>
          <div className="tab-bar-spacer" aria-hidden="true" />
          <nav aria-label="Tabs" className="tab-bar">
            {/* The tab of the page, also on routes under another path (/plans/:id is Plan). */}
            <ul>
              {TABS.map((tab) => (
                <li key={tab.to}>
                  <Link
                    to={tab.to}
                    {...(activeTab(location.pathname) === tab.to
                      ? { 'aria-current': 'page' as const }
                      : {})}
                  >
                    {tab.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </>
      ) : null}
    </>
  );
}
