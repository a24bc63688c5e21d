// Slack's incoming-webhook format: {text, blocks} with mrkdwn. Slack reads
// "<...>" as links and mentions (<!channel>, <@U123>, <https://x|click>), so
// every piece of text that came from a host or the policy is escaped by
// Slack's rules (&, <, > as &amp; &lt; &gt;) and made one printable line: a
// hostile file name cannot page a channel or smuggle a link.
import type { AlertEvent, AlertMessage } from '../store/response-store.js';
import type { NotifierConfig } from './action-config.js';
import { oneLine } from './alert-message.js';
import { postingNotifier } from './http-post.js';
import type { Notifier } from './notifier.js';

type SlackConfig = Extract<NotifierConfig, { type: 'slack' }>;

/** Slack refuses a section text longer than 3000 characters; escaping can grow text, so lines are added while they fit. */
const MAX_SECTION_CHARS = 3000;
const MAX_SUMMARY_CHARS = 500;
const MAX_PATH_CHARS = 120;
const MAX_WORD_CHARS = 64;

/** Slack's escaping (api.slack.com/reference/surfaces/formatting#escaping), after oneLine. */
export function slackEscape(text: string, max: number): string {
  return oneLine(text, max).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inside `code`: a backtick would end the span early, so it is shown as a look-alike. */
function code(text: string, max: number): string {
  return `\`${slackEscape(text, max).replace(/`/g, 'ˋ')}\``;
}

const TITLES: Record<AlertMessage['type'], string> = {
  drift: ':rotating_light: *Drift*',
  governor: ':octagonal_sign: *Auto-termination paused*',
  resolved: ':white_check_mark: *Resolved*',
};

function eventLine(e: AlertEvent): string {
  const what = e.subject === '' ? code(e.kind, MAX_WORD_CHARS) : `${code(e.kind, MAX_WORD_CHARS)} ${code(e.subject, MAX_PATH_CHARS)}`;
  return `• ${what} → ${slackEscape(e.verdict, MAX_WORD_CHARS)} (rule ${slackEscape(e.rule, MAX_WORD_CHARS)}, ${slackEscape(e.severity, MAX_WORD_CHARS)})`;
}

function fitLines(head: string, lines: readonly string[]): string {
  let text = head;
  for (const line of lines) {
    if (text.length + 1 + line.length > MAX_SECTION_CHARS) break;
    text += `\n${line}`;
  }
  return text;
}

export function slackPayload(m: AlertMessage): { text: string; blocks: unknown[] } {
  const summary = slackEscape(m.summary, MAX_SUMMARY_CHARS);
  const host = m.host === undefined ? '' : ` on *${slackEscape(m.host.hostname === '' ? m.host.id : m.host.hostname, MAX_WORD_CHARS)}*`;
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${TITLES[m.type]}${host} (severity ${slackEscape(m.severity, MAX_WORD_CHARS)})\n${summary}` } },
  ];
  const worst = m.worst ?? [];
  if (worst.length > 0) {
    const head = m.eventCount !== undefined && m.eventCount > worst.length ? `*Worst ${worst.length} of ${m.eventCount} events*` : '*Events*';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines(head, worst.map(eventLine)) } });
  }
  const context = [
    ...(m.host === undefined ? [] : [`host ${slackEscape(m.host.id, MAX_WORD_CHARS)}`, `image ${slackEscape(m.host.imageId, MAX_WORD_CHARS)}`]),
    ...(m.action === undefined ? [] : [slackEscape(m.action, MAX_SUMMARY_CHARS)]),
  ];
  if (context.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
  // `text` is what notifications and clients without blocks show.
  return { text: summary, blocks };
}

export function createSlackNotifier(c: SlackConfig): Notifier {
  return postingNotifier(c, [], (message) => ({ body: JSON.stringify(slackPayload(message)) }));
}
