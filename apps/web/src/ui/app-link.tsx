import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * Follows a link to a page of the app inside the app on a plain click (a new tab, a download, a modified click
 * keep the browser's own behaviour). For paths the server chose (a notification's link) or built from data.
 */
export function useFollowInApp(): (href: string, before?: () => void) => (event: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (href, before) => (event) => {
    before?.();
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.history.push(href);
  };
}

/** A link to a page of the app given as a path: a real `href`, followed inside the app. */
export function AppLink({
  href,
  onFollow,
  children,
  ...props
}: AnchorProps & { href: string; onFollow?: () => void; children: ReactNode; 'aria-label'?: string; id?: string }) {
  const follow = useFollowInApp();
  return (
    <Anchor href={href} onClick={follow(href, onFollow)} {...props}>
      {children}
    </Anchor>
  );
}
