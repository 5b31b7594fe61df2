import type { Conversation, Page as ApiPage } from '../../api/types';
import { useOwnEmployeeId } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Async } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { ConversationList } from '../../components/Conversations';

export function MyConversationsPage() {
  const employeeId = useOwnEmployeeId();
  const conversations = useApi<ApiPage<Conversation>>('/career-conversations', {
    employeeId,
    sort: 'heldOn',
    order: 'desc',
    pageSize: 100,
  });
  return (
    <Page
      title="My conversations"
      intro="Career conversations with your supervisor: what you talked about and the next steps. A conversation is due at least every six months while your plan is approved."
    >
      <Async state={conversations} label="your conversations">
        {(page) => <ConversationList conversations={page.items} headingLevel={2} />}
      </Async>
    </Page>
  );
}
