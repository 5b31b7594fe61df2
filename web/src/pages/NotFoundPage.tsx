import { Link } from '../app/router';
import { homeOf } from '../app/routes';
import { useSession } from '../app/session';
import { Page } from '../components/Page';

export function NotFoundPage() {
  const { me } = useSession();
  return (
    <Page title="Page not found">
      <p>
        There is no such page for your role. <Link to={homeOf(me.role)}>Go to your start page</Link>
        .
      </p>
    </Page>
  );
}
