import { AppLink } from '../../ui/app-link';
import classes from './home-page.module.css';
import { commitmentPage } from './queries';

/** A commitment named by its code (a link to its page) and its title, which stays in the language it was written in. */
export function CommitmentLine({ code, title }: { code: string; title: string }) {
  return (
    <p className={classes.line}>
      <AppLink href={commitmentPage(code)} className={classes.code}>
        {code}
      </AppLink>
      <span>{title}</span>
    </p>
  );
}
