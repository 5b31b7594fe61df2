import type { Conversation } from '../api/types';
import { formatDate } from '../lib/format';

export function ConversationList({
  conversations,
  names,
  headingLevel = 3,
}: {
  conversations: Conversation[];
  names?: Map<string, string>;
  /** Each conversation's heading: one level below the heading the list sits under. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (conversations.length === 0) return <p>No career conversations recorded yet.</p>;
  return (
    <ol className="conversations">
      {conversations.map((conversation) => (
        <li key={conversation.id} className="card">
          <Heading>
            {formatDate(conversation.heldOn)}
            {names ? ` · ${names.get(conversation.employeeId) ?? 'Employee'}` : ''}
          </Heading>
          <p className="prewrap">{conversation.summary}</p>
          {conversation.nextSteps ? (
            <p className="prewrap">
              <strong>Next steps:</strong> {conversation.nextSteps}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
