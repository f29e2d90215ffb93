import type { Connection } from '../../protocol/recording';
import { RawEvents } from './RawEvents';
import { Section } from './Section';
import { StackTrace, type OpenResource } from './StackTrace';

/** The last two sections of every detail pane, open or closed: who created the socket, and its raw events. */
export function CreationAndEvents({
  connection,
  openResource,
}: {
  connection: Connection;
  openResource?: OpenResource;
}) {
  return (
    <>
      <Section titleId="panel_section_create_stack">
        <StackTrace stack={connection.stack} openResource={openResource} />
      </Section>
      <Section titleId="panel_section_events">
        <RawEvents connection={connection} />
      </Section>
    </>
  );
}
