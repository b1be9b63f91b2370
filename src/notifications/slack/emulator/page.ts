/**
 * The emulator's own page at `/`: the team's channels and DMs with their messages,
 * Block Kit rendered readably (header, section, fields, context, actions), and
 * buttons that click as the person chosen at the top, so whoever runs `npm start`
 * can approve from "Slack" and watch Pandora update the card. Open modals show as
 * forms that submit the view.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SlackEnv } from './env.js';
import { click, InteractionFailure, type Interactions } from './interactivity.js';
import { submitView } from './submit-view.js';
import type { SlackChannel, SlackMessage, SlackUser } from './store.js';

function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Slack's mrkdwn, enough to read: bold, italic, strike, code, links, line breaks. */
export function mrkdwn(text: string): string {
  return esc(text)
    .replace(/&#60;([^|&]+)\|([^&]+?)&#62;/g, '<a href="$1">$2</a>')
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/~([^~\n]+)~/g, '<s>$1</s>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
}

type TextObject = { type?: string; text?: string } | undefined;
type Block = Record<string, unknown> & { type?: string; block_id?: string };

function textOf(text: TextObject): string {
  if (!text?.text) return '';
  return text.type === 'mrkdwn' ? mrkdwn(text.text) : esc(text.text);
}

function buttonForm(message: SlackMessage, element: Record<string, unknown>, as: string): string {
  const style =
    element.style === 'danger' ? 'danger' : element.style === 'primary' ? 'primary' : '';
  if (element.type !== 'button') return `<span class="chip">${esc(element.type)}</span>`;
  if (typeof element.url === 'string') {
    return `<a class="button ${style}" href="${esc(element.url)}" target="_blank">${textOf(element.text as TextObject)}</a>`;
  }
  return `<form method="post" action="/_emulator/ui/click" class="inline">
    <input type="hidden" name="channel" value="${esc(message.channel)}">
    <input type="hidden" name="ts" value="${esc(message.ts)}">
    <input type="hidden" name="actionId" value="${esc(element.action_id)}">
    <input type="hidden" name="as" value="${esc(as)}">
    <button class="${style}">${textOf(element.text as TextObject)}</button></form>`;
}

function renderBlocks(message: SlackMessage, as: string): string {
  return (message.blocks as Block[])
    .map((block) => {
      switch (block.type) {
        case 'header':
          return `<h3>${textOf(block.text as TextObject)}</h3>`;
        case 'divider':
          return '<hr>';
        case 'section': {
          const fields = (block.fields as TextObject[] | undefined) ?? [];
          const accessory = block.accessory as Record<string, unknown> | undefined;
          return `<div class="section"><div>${textOf(block.text as TextObject)}</div>${
            fields.length
              ? `<div class="fields">${fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>`
              : ''
          }${accessory ? buttonForm(message, accessory, as) : ''}</div>`;
        }
        case 'context':
          return `<div class="context">${((block.elements as TextObject[]) ?? []).map(textOf).join(' · ')}</div>`;
        case 'actions':
          return `<div class="actions">${((block.elements as Record<string, unknown>[]) ?? [])
            .map((element) => buttonForm(message, element, as))
            .join(' ')}</div>`;
        default:
          return `<div class="context">[${esc(block.type)} block]</div>`;
      }
    })
    .join('');
}

function channelLabel(env: SlackEnv, channel: SlackChannel): string {
  if (!channel.isIm) return `#${channel.name}`;
  return `DM ${env.store.users.get(channel.imUser ?? '')?.realName ?? channel.imUser}`;
}

function page(env: SlackEnv, query: { channel?: string; as?: string; note?: string }): string {
  const { store } = env;
  const team = [...store.teams.values()][0]!;
  const people = store.teamUsers(team.id).filter((u) => !u.isBot);
  const as: SlackUser | undefined = people.find((u) => u.id === query.as) ?? people[0];
  const channels = store.teamChannels(team.id).filter((c) => !c.isIm || c.imUser === as?.id || !as);
  const latest = store.messages.filter((m) => m.teamId === team.id && !m.deleted).at(-1);
  const current =
    store.channels.get(query.channel ?? '') ??
    store.channels.get(latest?.channel ?? '') ??
    channels[0];
  const link = (channel: string) =>
    `/?channel=${encodeURIComponent(channel)}&as=${encodeURIComponent(as?.id ?? '')}`;
  const messages = current
    ? store.messages.filter((m) => m.channel === current.id && !m.deleted)
    : [];
  const ephemerals =
    current && as
      ? store.ephemerals.filter((e) => e.channel === current.id && e.user === as.id)
      : [];
  const views = [...store.views.values()].filter((v) => v.status === 'open' && v.user === as?.id);
  const author = (id: string) => esc(store.users.get(id)?.realName ?? id);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Slack (emulated): ${esc(team.name)}</title>
${views.length ? '' : '<meta http-equiv="refresh" content="5">'}
<style>
body{font-family:system-ui,sans-serif;margin:0;display:flex;min-height:100vh;color:#1d1c1d}
nav{background:#3f0e40;color:#fff;width:240px;padding:12px}nav a{color:#ddd;display:block;padding:3px 6px;text-decoration:none}
nav a.on{background:#1164a3;color:#fff}main{flex:1;padding:12px 20px}.msg{border-bottom:1px solid #eee;padding:8px 0}
.who{font-weight:600}.ts{color:#888;font-size:12px}.context{color:#616061;font-size:13px;margin:4px 0}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:4px;margin:4px 0}.actions{margin:6px 0}form.inline{display:inline}
button,.button{border:1px solid #bbb;background:#fff;border-radius:4px;padding:4px 12px;cursor:pointer}
.primary{background:#007a5a;color:#fff;border-color:#007a5a}.danger{background:#e01e5a;color:#fff;border-color:#e01e5a}
.eph{background:#f8f8f8;border-left:3px solid #1264a3;padding:6px}.modal{border:2px solid #1264a3;padding:12px;margin:12px 0}
.note{background:#fff7d6;padding:6px}</style></head><body>
<nav><b>${esc(team.name)}</b><form method="get" action="/"><input type="hidden" name="channel" value="${esc(current?.id ?? '')}">
<p>Acting as<br><select name="as" onchange="this.form.submit()">${people
    .map(
      (u) =>
        `<option value="${esc(u.id)}"${u.id === as?.id ? ' selected' : ''}>${esc(u.realName)}</option>`,
    )
    .join('')}</select></p></form>
${channels.map((c) => `<a href="${link(c.id)}" class="${c.id === current?.id ? 'on' : ''}">${esc(channelLabel(env, c))}</a>`).join('')}
<p style="font-size:12px">Interactions go to ${esc(env.app.requestUrl ?? '(no Request URL set)')}</p></nav>
<main>${query.note ? `<p class="note">${esc(query.note)}</p>` : ''}
${views.map((v) => viewForm(v.id, v.view, as?.id ?? '', current?.id ?? '', v.lastResponse)).join('')}
<h2>${current ? esc(channelLabel(env, current)) : 'No channels'}</h2>
${
  messages
    .map(
      (m) => `<div class="msg"><span class="who">${author(m.user)}</span> <span class="ts">${esc(
        new Date(Number(m.ts) * 1000).toLocaleString('en-GB'),
      )}${m.edited ? ' (edited)' : ''}</span>
<div>${m.blocks ? renderBlocks(m, as?.id ?? '') : mrkdwn(m.text)}</div></div>`,
    )
    .join('') || '<p>No messages yet.</p>'
}
${ephemerals.map((e) => `<div class="eph"><span class="ts">Only visible to you</span><div>${mrkdwn(e.text)}</div></div>`).join('')}
</main></body></html>`;
}

function viewForm(
  id: string,
  view: Record<string, unknown>,
  as: string,
  channel: string,
  last: unknown,
): string {
  const title = (view.title as TextObject)?.text ?? 'Modal';
  const errors = (last as { errors?: Record<string, string> } | null)?.errors ?? {};
  const inputs = ((view.blocks as Block[]) ?? []).map((block) => {
    if (block.type !== 'input')
      return block.type === 'section' ? `<p>${textOf(block.text as TextObject)}</p>` : '';
    const element = (block.element ?? {}) as {
      action_id?: string;
      initial_value?: string;
      type?: string;
    };
    const name = `${block.block_id ?? ''}::${element.action_id ?? ''}`;
    return `<p><label>${textOf(block.label as TextObject)}<br><input name="${esc(name)}" value="${esc(element.initial_value ?? '')}"></label>${
      errors[block.block_id ?? '']
        ? `<br><span style="color:#e01e5a">${esc(errors[block.block_id ?? ''])}</span>`
        : ''
    }</p>`;
  });
  return `<div class="modal"><h3>${esc(title)}</h3><form method="post" action="/_emulator/ui/submit">
<input type="hidden" name="viewId" value="${esc(id)}"><input type="hidden" name="as" value="${esc(as)}">
<input type="hidden" name="channel" value="${esc(channel)}">${inputs.join('')}
<button class="primary">${esc((view.submit as TextObject)?.text ?? 'Submit')}</button></form></div>`;
}

export function registerPage(
  app: FastifyInstance,
  env: SlackEnv,
  interactions: Interactions,
): void {
  app.get('/', async (request, reply) =>
    reply.type('text/html').send(page(env, request.query as Record<string, string>)),
  );
  const back = (reply: FastifyReply, form: Record<string, string>, note: string) =>
    reply.redirect(
      `/?channel=${encodeURIComponent(form.channel ?? '')}&as=${encodeURIComponent(form.as ?? '')}&note=${encodeURIComponent(note)}`,
    );
  app.post('/_emulator/ui/click', async (request, reply) => {
    const form = request.body as Record<string, string>;
    try {
      const record = click(env, interactions, {
        user: form.as ?? '',
        actionId: form.actionId ?? '',
        channel: form.channel,
        ts: form.ts,
      });
      await record.first;
      const attempt = record.attempts[0]!;
      return back(
        reply,
        form,
        `Clicked ${form.actionId}: Pandora answered ${attempt.status ?? attempt.error} in ${Math.round(attempt.ms)} ms`,
      );
    } catch (error) {
      if (error instanceof InteractionFailure)
        return back(reply, form, `Click refused: ${error.code}`);
      throw error;
    }
  });
  app.post('/_emulator/ui/submit', async (request, reply) => {
    const form = request.body as Record<string, string>;
    const values: Record<string, Record<string, string>> = {};
    for (const [name, value] of Object.entries(form)) {
      const [blockId, actionId] = name.split('::');
      if (actionId === undefined) continue;
      (values[blockId!] ??= {})[actionId] = value;
    }
    try {
      const record = submitView(env, interactions, { viewId: form.viewId ?? '', values });
      await record.done;
      return back(
        reply,
        form,
        `Submitted: Pandora answered ${record.attempts.at(-1)?.status ?? 'nothing'}`,
      );
    } catch (error) {
      if (error instanceof InteractionFailure)
        return back(reply, form, `Submit refused: ${error.code}`);
      throw error;
    }
  });
}
