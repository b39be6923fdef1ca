import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { NoticeTitle } from '../../notices/notice-title';
import { recentNoticesQuery } from '../../notices/queries';
import { AppLink } from '../../ui/app-link';
import { Section } from '../../ui/section';

/** The latest few notices, each linking to the page it speaks of, and the way to the inbox. */
export function NoticesSection() {
  const intl = useIntl();
  const { data } = useQuery(recentNoticesQuery);
  return (
    <Section title={intl.formatMessage({ id: 'home.notices.title' })}>
      <Stack gap="sm">
        {data && data.items.length === 0 && <Text>{intl.formatMessage({ id: 'home.notices.none' })}</Text>}
        {data && data.items.length > 0 && (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {data.items.map((notice) => (
              <li key={notice.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  {notice.readAt === null && (
                    <Badge variant="light" color="unBlue" radius="sm" size="sm" tt="none" style={{ flexShrink: 0 }}>
                      {intl.formatMessage({ id: 'notice.unread' })}
                    </Badge>
                  )}
                  <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                    {intl.formatDate(notice.createdAt, { dateStyle: 'medium' })}
                  </Text>
                  {notice.link ? (
                    <AppLink href={notice.link} size="sm">
                      <NoticeTitle notice={notice} inline size="sm" />
                    </AppLink>
                  ) : (
                    <NoticeTitle notice={notice} size="sm" />
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to="/inbox" fw={600}>
          {intl.formatMessage({ id: 'home.notices.all' }, { count: data?.unread ?? 0 })}
        </Anchor>
      </Stack>
    </Section>
  );
}
