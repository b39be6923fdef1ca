import { Anchor, Badge, Box, Button, Container, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useLocale } from '../../i18n/locale-provider';
import { unreadCountQuery } from '../../notices/queries';
import { useMe, useSignOut } from '../../session/session';
import { LanguageSwitcher } from './language-switcher';
import classes from './app-layout.module.css';

/** The frame of every page: skip link, header (banner, navigation), main content, footer. */
export function AppLayout() {
  const intl = useIntl();
  const me = useMe();
  const { locale, changeLocale } = useLocale();
  useFollowAccountLanguage(me?.language ?? null, locale, changeLocale);
  useFocusTitleOnNavigation();

  return (
    <div className={classes.page}>
      <a href="#main" className={classes.skipLink}>
        {intl.formatMessage({ id: 'app.skipLink' })}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" py="sm">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Anchor component={Link} to="/" className={classes.product} underline="never">
              {intl.formatMessage({ id: 'app.name' })}
            </Anchor>
            <Group gap="md" wrap="wrap" align="flex-end">
              <LanguageSwitcher />
              {me && <SignOut name={me.name} />}
            </Group>
          </Group>
          {me && (
            <Box component="nav" aria-label={intl.formatMessage({ id: 'app.nav.label' })} mt="xs">
              <Group gap="lg" component="ul" className={classes.navList}>
                <li>
                  <Link to="/" className={classes.navLink} activeOptions={{ exact: true }}>
                    {intl.formatMessage({ id: 'app.nav.home' })}
                  </Link>
                </li>
                <li>
                  <Link to="/commitments" className={classes.navLink}>
                    {intl.formatMessage({ id: 'app.nav.commitments' })}
                  </Link>
                </li>
                <li>
                  <Link to="/annual-summaries" className={classes.navLink}>
                    {intl.formatMessage({ id: 'app.nav.summaries' })}
                  </Link>
                </li>
                <li>
                  <InboxLink />
                </li>
                <li>
                  <Link to="/settings" className={classes.navLink}>
                    {intl.formatMessage({ id: 'app.nav.settings' })}
                  </Link>
                </li>
              </Group>
            </Box>
          )}
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py="xl" className={classes.main}>
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="md">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="gray.7">
              {intl.formatMessage({ id: 'app.tagline' })}
            </Text>
            <Anchor href="/api/docs" size="sm">
              {intl.formatMessage({ id: 'app.footer.apiDocs' })}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </div>
  );
}

/** The inbox, with how many notices are unread (asked again every minute, and at once when one is marked read). */
function InboxLink() {
  const intl = useIntl();
  const unread = useQuery(unreadCountQuery).data ?? 0;
  return (
    <Link
      to="/inbox"
      className={classes.navLink}
      aria-label={unread > 0 ? intl.formatMessage({ id: 'app.nav.inboxUnread' }, { count: unread }) : undefined}
    >
      {intl.formatMessage({ id: 'app.nav.inbox' })}
      {unread > 0 && (
        <Badge component="span" ml={6} size="sm" radius="xl" color="unBlue" variant="filled" aria-hidden>
          {intl.formatNumber(unread)}
        </Badge>
      )}
    </Link>
  );
}

function SignOut({ name }: { name: string }) {
  const intl = useIntl();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="sm" visibleFrom="sm">
        {intl.formatMessage({ id: 'app.signedInAs' }, { name })}
      </Text>
      <Button
        variant="default"
        size="xs"
        loading={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in', search: { signedOut: true } }) })}
      >
        {intl.formatMessage({ id: 'app.signOut' })}
      </Button>
    </Group>
  );
}

/** Once someone is signed in, the interface speaks the language stored on their account. */
function useFollowAccountLanguage(accountLanguage: string | null, locale: string, changeLocale: (l: 'en' | 'fr' | 'es') => Promise<void>) {
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (accountLanguage === followed.current) return;
    followed.current = accountLanguage;
    if ((accountLanguage === 'en' || accountLanguage === 'fr' || accountLanguage === 'es') && accountLanguage !== locale)
      void changeLocale(accountLanguage);
  }, [accountLanguage, locale, changeLocale]);
}

/** After a navigation inside the app (not the first page), focus moves to the new page's title, which is read out. */
function useFocusTitleOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onRendered', ({ fromLocation, pathChanged }) => {
        if (!fromLocation || !pathChanged) return;
        (document.querySelector<HTMLElement>('[data-page-title]') ?? document.getElementById('main'))?.focus();
      }),
    [router],
  );
}
