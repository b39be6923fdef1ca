import { Alert, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { noticeTitle } from '../../notices/notice-title';
import { inboxQuery, useMarkAllNoticesRead, useMarkNoticeRead, type Notice } from '../../notices/queries';
import { AppLink } from '../../ui/app-link';
import { PageTitle } from '../../ui/page-title';
import { ProblemAlert } from '../../ui/problem-alert';
import classes from './inbox-page.module.css';

/**
 * The notices the tracker sent (reminders, overdue notices, digests), unread first: each says what it is about in
 * the reader's language and links to the page it speaks of; opening one, or "Mark as read", marks it read.
 */
export function InboxPage() {
  const intl = useIntl();
  const { data } = useSuspenseQuery(inboxQuery);
  const markAll = useMarkAllNoticesRead();
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  /** The button pressed goes away with what it did: the focus goes to what it says instead of being lost. */
  const announce = (text: string) => {
    setAnnouncement(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  return (
    <Stack gap="md">
      <div>
        <PageTitle>{intl.formatMessage({ id: 'inbox.title' })}</PageTitle>
        <Text mt="-sm">{intl.formatMessage({ id: 'inbox.intro' })}</Text>
      </div>
      <Group justify="space-between" gap="sm">
        <Text fw={600}>{intl.formatMessage({ id: 'inbox.unreadCount' }, { count: data.unread })}</Text>
        {data.unread > 0 && (
          <Button
            variant="default"
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: ({ marked }) => announce(intl.formatMessage({ id: 'inbox.markedAllRead' }, { count: marked })),
              })
            }
          >
            {intl.formatMessage({ id: 'inbox.markAllRead' })}
          </Button>
        )}
      </Group>
      {/* always in the page, so that what it says is announced when it changes */}
      <div role="status" ref={statusRef} tabIndex={-1} className={classes.status}>
        {announcement && (
          <Alert variant="light" color="green">
            {announcement}
          </Alert>
        )}
      </div>
      {markAll.isError && <ProblemAlert error={markAll.error} />}
      {data.items.length === 0 ? (
        <Text>{intl.formatMessage({ id: 'inbox.empty' })}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={intl.formatMessage({ id: 'inbox.list' })}>
          {data.items.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} onMarked={announce} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NoticeItem({ notice, onMarked }: { notice: Notice; onMarked: (announcement: string) => void }) {
  const intl = useIntl();
  const titleId = useId();
  const markRead = useMarkNoticeRead();
  const title = noticeTitle(intl, notice);
  const unread = notice.readAt === null;
  return (
    <Paper component="li" withBorder p="md" radius="sm" className={unread ? classes.unread : undefined} aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs" align="baseline">
          {unread && (
            <Badge variant="light" color="unBlue" radius="sm" tt="none">
              {intl.formatMessage({ id: 'notice.unread' })}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {intl.formatDate(notice.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
          </Text>
        </Group>
        <Text id={titleId} fw={unread ? 700 : 500} lang={title.lang}>
          {title.text}
        </Text>
        <Group gap="md" wrap="wrap">
          {notice.link && (
            <AppLink
              href={notice.link}
              aria-label={intl.formatMessage({ id: 'inbox.openNamed' }, { title: title.text })}
              // following it is reading it
              onFollow={() => unread && markRead.mutate(notice.id)}
            >
              {intl.formatMessage({ id: 'inbox.open' })}
            </AppLink>
          )}
          {unread && (
            <Button
              variant="subtle"
              size="compact-sm"
              loading={markRead.isPending}
              aria-label={intl.formatMessage({ id: 'inbox.markReadNamed' }, { title: title.text })}
              onClick={() =>
                markRead.mutate(notice.id, {
                  onSuccess: () => onMarked(intl.formatMessage({ id: 'inbox.markedRead' }, { title: title.text })),
                })
              }
            >
              {intl.formatMessage({ id: 'inbox.markRead' })}
            </Button>
          )}
        </Group>
        <Box component="details" className={classes.message}>
          <summary>{intl.formatMessage({ id: 'inbox.message' })}</summary>
          {/* the email's own text, in English */}
          <Text component="div" size="sm" lang="en" className={classes.body}>
            {notice.bodyText}
          </Text>
        </Box>
        {markRead.isError && <ProblemAlert error={markRead.error} />}
      </Stack>
    </Paper>
  );
}
