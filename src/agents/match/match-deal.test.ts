import { describe, expect, it } from 'vitest';
import type { CrmDeal, CrmRecords, Meeting } from '../cases.js';
import { matchDeal } from './match-deal.js';

function deal(id: string, extra: Partial<CrmDeal> = {}): CrmDeal {
  return {
    id,
    name: `Acme - ${id}`,
    accountId: 'a1',
    contactIds: ['c1'],
    stage: 'proposal',
    amount: 50000,
    closeDate: '2026-11-30',
    nextStep: null,
    competitors: [],
    isClosed: false,
    updatedAt: '2026-10-01T00:00:00Z',
    ...extra,
  };
}

const crm = (deals: CrmDeal[]): CrmRecords => ({
  accounts: [
    { id: 'a1', name: 'Acme Corp', domain: 'acme.com' },
    { id: 'a2', name: 'Relay (our own)', domain: 'relay.io' },
  ],
  contacts: [
    { id: 'c1', name: 'Dana Ruiz', email: 'dana@acme.com', accountId: 'a1' },
    { id: 'c2', name: 'Omar Haddad', email: 'omar@acme.com', accountId: 'a1' },
    { id: 'c9', name: 'Maya Chen', email: 'maya@relay.io', accountId: 'a2' },
  ],
  deals,
});

function meeting(emails: string[], title = 'Acme / Relay', said: string[] = ['Hello.']): Meeting {
  return {
    title,
    startedAt: '2026-10-14T16:00:00Z',
    durationSeconds: 1800,
    participants: emails.map((email) => ({ name: email.split('@')[0]!, email })),
    transcript: said.map((text, i) => ({ speaker: 'dana', text, startSeconds: i * 10 })),
  };
}

const match = (m: Meeting, deals: CrmDeal[]) =>
  matchDeal({ meeting: m, crm: crm(deals), internalDomains: ['relay.io'] });

describe('matchDeal', () => {
  it("matches a participant's only open deal, past a closed-won one", () => {
    const result = match(meeting(['maya@relay.io', 'Dana@Acme.com']), [
      deal('d1'),
      deal('d0', { isClosed: true, stage: 'closed_won' }),
    ]);
    expect(result).toMatchObject({ dealId: 'd1', basis: 'only-deal', method: 'contact' });
    expect(result.candidates.map((c) => c.dealId)).toEqual(['d1']);
  });

  it('finds the account by email domain when the participant is not a contact yet', () => {
    const result = match(meeting(['new.person@eu.acme.com']), [deal('d1', { contactIds: [] })]);
    expect(result).toMatchObject({ dealId: 'd1', method: 'domain' });
  });

  it('picks the deal whose product the call names among several open ones', () => {
    const deals = [
      deal('d1', { name: 'Acme - Platform renewal' }),
      deal('d2', { name: 'Acme - Forecasting module' }),
      deal('d3', { name: 'Acme - EMEA seats expansion' }),
    ];
    const result = match(
      meeting(['dana@acme.com'], 'Acme weekly', ['Can we look at forecasting today?']),
      deals,
    );
    expect(result).toMatchObject({ dealId: 'd2', basis: 'named' });
    expect(result.reason).toContain('forecasting');
    // "expanding" is the expansion deal's word too.
    expect(
      match(meeting(['dana@acme.com'], 'Acme', ['We are expanding into EMEA.']), deals).dealId,
    ).toBe('d3');
  });

  it('a generic word of a deal name said in passing names nothing; the whole name does', () => {
    const deals = [
      deal('d1', { name: 'Acme - Premium support', contactIds: ['c1', 'c2'] }),
      deal('d2', { name: 'Acme - Territory planning', contactIds: ['c1', 'c2'] }),
    ];
    const said = (text: string) => match(meeting(['dana@acme.com'], 'Acme sync', [text]), deals);
    expect(said('I will support however I can.').dealId).toBeNull();
    expect(said('Nothing moves until the Q3 planning cycle.').dealId).toBeNull();
    expect(said('Let us go through premium support today.').dealId).toBe('d1');
    expect(match(meeting(['dana@acme.com'], 'Acme - support review'), deals).dealId).toBe('d1');
  });

  it('picks the deal whose contacts took part when nothing names one', () => {
    const deals = [deal('d1', { contactIds: ['c1'] }), deal('d2', { contactIds: ['c2'] })];
    expect(match(meeting(['omar@acme.com']), deals)).toMatchObject({
      dealId: 'd2',
      basis: 'participants',
    });
  });

  it('asks which deal when several fit equally, listing them, and never guesses', () => {
    const deals = [
      deal('d1', { name: 'Acme - Platform' }),
      deal('d2', { name: 'Acme - Analytics add-on' }),
    ];
    const result = match(meeting(['dana@acme.com'], 'Acme check-in'), deals);
    expect(result.dealId).toBeNull();
    expect(result.method).toBe('ambiguous');
    expect(result.question).toContain('Acme - Platform');
    expect(result.candidates.map((c) => c.dealId).sort()).toEqual(['d1', 'd2']);
    // Both named once: still a question.
    const both = match(
      meeting(['dana@acme.com'], 'Acme', ['The platform first, then analytics.']),
      deals,
    );
    expect(both.dealId).toBeNull();
  });

  it('knows a contact on a personal mailbox by their exact name, and nobody else', () => {
    const personal = (name: string, email: string): Meeting => ({
      ...meeting([]),
      participants: [
        { name: 'Maya Chen', email: 'maya@relay.io' },
        { name, email },
      ],
    });
    expect(match(personal('Dana Ruiz', 'danaruiz.home@gmail.com'), [deal('d1')])).toMatchObject({
      dealId: 'd1',
      method: 'contact',
    });
    expect(match(personal('Dana Ruiz-Ortega', 'dana@gmail.com'), [deal('d1')]).dealId).toBeNull();
    // A company domain is matched by its account, not by a name that happens to fit.
    expect(match(personal('Dana Ruiz', 'dana@globex.com'), [deal('d1')]).dealId).toBeNull();
  });

  it('leaves out a deal named only to be put aside, kept separate, or in small talk', () => {
    const deals = [
      deal('d1', { name: 'Acme - ice cream depots' }),
      deal('d2', { name: 'Acme - beverage trucks' }),
    ];
    const said = (...lines: string[]) => match(meeting(['dana@acme.com'], 'Call', lines), deals);
    expect(
      said(
        'About the ice cream depots.',
        'We go with you.',
        'The beverage trucks, forget it for now, that is next year.',
      ).dealId,
    ).toBe('d1');
    expect(
      said(
        'Quick one about the ice cream depots.',
        'And the beverage trucks, anything new there?',
        'Not today, that is a separate discussion.',
      ).dealId,
    ).toBe('d1');
    // Put aside in the next breath, kept separate, or left to someone else (k206, k208).
    expect(
      said(
        'So, all the depots. That is why we are here.',
        'And the beverage trucks, I know you want to talk about them. Not now. Autumn.',
      ).dealId,
    ).toBe('d1');
    expect(
      said(
        'Today is all about the depots.',
        'And the beverage trucks we keep separate, it is a different budget.',
      ).dealId,
    ).toBe('d1');
    expect(
      said(
        'Walk me through the depots, then.',
        "Don't discuss it with Omar's team. The beverage trucks are their business.",
      ).dealId,
    ).toBe('d1');
    expect(
      said(
        'Walk me through the depots, then.',
        'And the beverage trucks are with Omar.',
        'Understood, we keep them separate.',
      ).dealId,
    ).toBe('d1');
    // Both set aside, or only named in small talk: nothing tells them apart.
    expect(said('How is the weather at the depots?', 'Send me a proposal.').dealId).toBeNull();
  });

  it('leaves out a deal called a separate story, to be talked about later (k209)', () => {
    const deals = [
      deal('d1', { name: 'Acme - ice cream depots', contactIds: ['c1', 'c2'] }),
      deal('d2', { name: 'Acme - beverage trucks', contactIds: ['c1'] }),
    ];
    const call = meeting(['dana@acme.com', 'omar@acme.com'], 'Call', [
      'Send the updated proposal and it goes to our director.',
      "And please don't mix in the beverage trucks. That's a separate story, after the harvest.",
      'We will talk about the beverage trucks later, on its own.',
    ]);
    expect(match(call, deals).dealId).toBe('d1');
  });

  it('reads no place name as a product word, and no thanks as "both, really" (k207)', () => {
    const deals = [
      deal('d1', { name: 'Acme - Billing & Portal' }),
      deal('d2', { name: 'Acme - Outage Management' }),
    ];
    const said = (...lines: string[]) => match(meeting(['dana@acme.com'], 'Call', lines), deals);
    // "portal" is no stem of "Port Antonio": nothing tells the two apart.
    expect(said('I spend half my week in Negril and half in Port Antonio.').dealId).toBeNull();
    expect(
      said('The board went with another vendor for outage management.', 'Thanks both, really.')
        .dealId,
    ).toBe('d2');
  });

  it('lets who took part decide between two deals the call names alike', () => {
    const deals = [
      deal('d1', { name: 'Acme - Brasov hub', contactIds: ['c1'] }),
      deal('d2', { name: 'Acme - Sibiu hub', contactIds: ['c2'] }),
    ];
    const call = meeting(['dana@acme.com'], 'Brasov or Sibiu?', [
      'I only handle Brasov, Omar does Sibiu, so let us talk about my hub.',
    ]);
    expect(match(call, deals)).toMatchObject({ dealId: 'd1', basis: 'participants' });
    // Both of their contacts on the call: a question, not a guess.
    expect(
      match(
        { ...call, participants: [...call.participants, { name: 'omar', email: 'omar@acme.com' }] },
        deals,
      ).dealId,
    ).toBeNull();
  });

  it('goes with the deal whose contact took part over one named once in passing (k95)', () => {
    const deals = [
      deal('d1', { name: 'Acme - CTMS (Oncology)', contactIds: ['c1'] }),
      deal('d2', { name: 'Acme - CTMS (Rare Disease)', contactIds: ['c2'] }),
    ];
    const call = meeting(['omar@acme.com'], 'Acme - CTMS pricing', [
      "I know Dana's team is doing their own thing with you for oncology. So don't bundle us.",
      'So, the quote. Eighty is high for what we are.',
    ]);
    expect(match(call, deals)).toMatchObject({ dealId: 'd2', basis: 'participants' });
    // Named twice, it is the deal the call is about, whoever took part.
    const twice = meeting(['omar@acme.com'], 'Acme - oncology pricing', [
      'On the oncology quote: eighty is high.',
    ]);
    expect(match(twice, deals)).toMatchObject({ dealId: 'd1', basis: 'named' });
  });

  it('goes with the one deal the title names when the call says words of another too (k148)', () => {
    const deals = [
      deal('d1', { name: 'Acme - Parts Counter' }),
      deal('d2', { name: 'Acme - Service Bay scheduling' }),
    ];
    const call = meeting(['dana@acme.com'], 'Acme - technician scheduling', [
      "Okay, so this one's all about scheduling.",
      'Half my morning is walking to the parts counter asking if the turbo is in.',
      'Let me show you the bay board.',
    ]);
    expect(match(call, deals)).toMatchObject({ dealId: 'd2', basis: 'named' });
    expect(match(call, deals).reason).toContain('the title names "scheduling", "bay" of');
    // A title that names neither leaves it to what was said and who took part.
    expect(match({ ...call, title: 'Acme - weekly call' }, deals).dealId).toBe('d1');
  });

  it('asks which deal when the call says it is about both, even when one is named', () => {
    const deals = [
      deal('d1', { name: 'Acme - SA fleet cards' }),
      deal('d2', { name: 'Acme - BW cross-border' }),
    ];
    const asked = (answer: string) =>
      match(
        meeting(['dana@acme.com'], 'Acme - quick chat', [
          'Which one is this about, the Botswana trucks or the SA fleet?',
          answer,
        ]),
        deals,
      );
    expect(asked('Well, both really, I wanted a general catch-up.')).toMatchObject({
      dealId: null,
      basis: 'ambiguous',
    });
    expect(asked('The SA fleet, the cards.')).toMatchObject({ dealId: 'd1', basis: 'named' });
  });

  it('matches nothing for an internal-only meeting, an unknown company or only closed deals', () => {
    const deals = [deal('d1'), deal('d9', { accountId: 'a2', contactIds: ['c9'] })];
    expect(match(meeting(['maya@relay.io']), deals)).toMatchObject({
      dealId: null,
      method: 'none',
    });
    expect(match(meeting(['who@globex.com']), deals).dealId).toBeNull();
    expect(match(meeting(['someone@gmail.com']), deals).dealId).toBeNull();
    expect(match(meeting(['dana@acme.com']), [deal('d0', { isClosed: true })]).reason).toContain(
      'no open deal',
    );
  });
});

describe('a call that says what it is for (k280)', () => {
  const deals = [
    deal('d1', { name: 'Acme - Dispatch rollout' }),
    deal('d2', { name: 'Acme - Parts inventory' }),
  ];

  it('takes "today is only about parts" over a deal named in passing', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme / Relay', [
        'So today is only about parts.',
        'Yes. Dispatch is in trial, no problem there. We talk about that at the end of the trial.',
        'Twenty technicians use Dispatch every day now.',
      ]),
      deals,
    );
    expect(result).toMatchObject({ dealId: 'd2', basis: 'named' });
  });

  it('reads only what the call is said to be about, not the deal set against it', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme / Relay', [
        'To be clear, today is only about the parts inventory, the dispatch rollout is with another team.',
        'Understood.',
      ]),
      deals,
    );
    expect(result).toMatchObject({ dealId: 'd2' });
  });

  it('takes "today is the scheduler" as the call saying what it is for (k295)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme - follow-up', [
        "Let's separate the two things. The bar, the concessions, we're still thinking. That's not today.",
        'Today is the scheduler. That one is ready.',
      ]),
      [deal('d1', { name: 'Acme - Concessions' }), deal('d2', { name: 'Acme - Scheduler' })],
    );
    expect(result).toMatchObject({ dealId: 'd2', basis: 'named' });
  });

  it('takes "today we wanted to talk about the renewal" as what the call is for (k305)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme / Relay', [
        'So today we wanted to talk about the renewal, since the contract ends in March.',
        "Yes. And let's leave the cameras out of this, please.",
      ]),
      [
        deal('d1', { name: 'Acme - Track renewal 2029' }),
        deal('d2', { name: 'Acme - Dashcam upsell' }),
      ],
    );
    expect(result).toMatchObject({ dealId: 'd1', basis: 'named' });
  });

  it('puts aside a deal the next sentence calls a separate conversation (k305)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme weekly sync', [
        'Ivan is going to own the cold-chain thing from now on.',
        "The trial is live as of last night, under 'Cold, prueba'.",
        "And the diesel thing, that's still with purchasing. Separate conversation, separate budget.",
      ]),
      [
        deal('d1', { name: 'Acme - Fuel (diesel control)' }),
        deal('d2', { name: 'Acme - Cold reefer monitoring' }),
      ],
    );
    expect(result).toMatchObject({ dealId: 'd2' });
  });

  it('takes "so today is Mindanao" as the call saying what it is for (k182)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme - franchise wave planning', [
        "Good afternoon. So today is Mindanao, right? We'll leave Visayas for next week.",
        'Yes. Visayas wave two is stuck until the new agreements are signed.',
      ]),
      [
        deal('d1', { name: 'Acme - Visayas Franchisees Wave 2' }),
        deal('d2', { name: 'Acme - Mindanao Franchisees Wave 1' }),
      ],
    );
    expect(result).toMatchObject({ dealId: 'd2', basis: 'named' });
  });

  it('drops a deal the speaker puts aside when the call says what it is for (k284)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme - intro with commercial sector', [
        'My predecessor started talking to you about billing, and there was also a conversation about leak detection sensors with the network department.',
        "I want to be clear, I'm here for the billing. The sensors are not my business.",
        'Understood, the billing side.',
      ]),
      [
        deal('d1', { name: 'Acme - Billing & CIS' }),
        deal('d2', { name: 'Acme - Leak Detection Sensors' }),
      ],
    );
    expect(result).toMatchObject({ dealId: 'd1', basis: 'named' });
  });

  it('takes "this is the de-icing thing only" and drops a deal called a different conversation (k315)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme / Relay - replay results', [
        'Instead of waiting for next winter, we run it in shadow mode.',
        'Just to be clear, this is the de-icing thing only. The GSE tracker is still with Jari, and I think another vendor is pitching him on that one. Different conversation.',
        'Understood, separate track. This is purely de-icing.',
      ]),
      [
        deal('d1', { name: 'Acme - HEL De-icing Planner' }),
        deal('d2', { name: 'Acme - GSE Tracker' }),
      ],
    );
    expect(result).toMatchObject({ dealId: 'd1', basis: 'named' });
  });

  it('drops a deal asked about in two questions and put aside in the reply (k315)', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme - renewal', [
        'So, the renewal. The current contract ends at the end of June.',
        'And the de-icing planner? Is that in?',
        "No, that's separate. We talked about looking at it in the autumn.",
        "Yes, let's not mix it. Autumn for de-icing. Now only the renewal.",
      ]),
      [
        deal('d1', { name: 'Acme - Renewal 2029' }),
        deal('d2', { name: 'Acme - De-icing Planner Add-on' }),
      ],
    );
    expect(result).toMatchObject({ dealId: 'd1', basis: 'named' });
  });

  it('reads the thing named after "today is the", not what it is of', () => {
    const stores = [
      deal('d1', { name: 'Rio Rico - Renewal 2027' }),
      deal('d2', { name: 'Rio Rico - New stores' }),
    ];
    const result = match(
      meeting(['dana@acme.com'], 'Rio Rico Pharmacies - renewal', [
        "Today's just the renewal of your current two stores.",
        'The new stores deal, we do separately once you have leases.',
      ]),
      stores,
    );
    expect(result).toMatchObject({ dealId: 'd1' });
  });

  it('says the call, not the title, named the deal it went with', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme / Relay', [
        'Today is only about parts.',
        'The dispatch rollout went well, twenty technicians on it.',
      ]),
      deals,
    );
    expect(result).toMatchObject({ dealId: 'd2', basis: 'named' });
    expect(result.reason).toContain(
      'the call says it is about "parts" of Acme - Parts inventory and no other',
    );
    expect(result.reason).not.toContain('the title');
  });
});

describe('deals told apart by a numbered part (k310)', () => {
  const phases = [
    deal('d1', { name: 'Acme - Phase 1 (city stores)' }),
    deal('d2', { name: 'Acme - Phase 2 (regional stores)' }),
  ];

  it('takes "today I want to talk about Phase 2" as naming the second phase', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme - next phase', [
        'Phase 1 is done, the city stores go live in April. Today I want to talk about Phase 2.',
        'The regional stores.',
        'We write a short proposal for Phase 2 after the workshop.',
      ]),
      phases,
    );
    expect(result).toMatchObject({ dealId: 'd2', basis: 'named' });
  });

  it('reads "phase two", "the second phase" and "Phase II" as the same part', () => {
    for (const title of ['Acme phase two kickoff', 'Acme: the second phase', 'Acme Phase II']) {
      const result = match(meeting(['dana@acme.com'], title), phases);
      expect(result, title).toMatchObject({ dealId: 'd2', basis: 'named' });
    }
  });

  it('still asks when the call names both parts alike', () => {
    const result = match(
      meeting(['dana@acme.com'], 'Acme / Relay', ['Phase 1 and phase 2 both slipped a month.']),
      phases,
    );
    expect(result.dealId).toBeNull();
  });
});

describe('a one-word deal name that another deal holds too (k285)', () => {
  const twoAccounts: CrmRecords = {
    accounts: [
      { id: 'a1', name: 'Lindula Hills', domain: 'lindula.lk' },
      { id: 'a2', name: 'Pundaluoya Tea', domain: 'pundaluoya.lk' },
      { id: 'a3', name: 'Agro Advisory', domain: 'agro.lk' },
    ],
    contacts: [{ id: 'c1', name: 'Lalith', email: 'lalith@agro.lk', accountId: 'a3' }],
    deals: [
      deal('d1', { name: 'Lindula Hills - Field', contactIds: ['c1'] }),
      deal('d2', {
        name: 'Pundaluoya Tea - Field & Checkroll',
        accountId: 'a2',
        contactIds: ['c1'],
      }),
    ],
  };
  const run = (said: string[]) =>
    matchDeal({
      meeting: meeting(['lalith@agro.lk'], 'Visiting agent - catch-up', said),
      crm: twoAccounts,
      internalDomains: ['relay.io'],
    });

  it('does not take the word said in passing ("field reports") as naming the shorter name', () => {
    const result = run(['The superintendents like your field reports.']);
    expect(result).toMatchObject({ dealId: null, basis: 'ambiguous' });
  });

  it('takes it when the call says it with the account ("the Lindula Hills field deal")', () => {
    const result = run(['So for the Lindula Hills field deal, we add two estates.']);
    expect(result).toMatchObject({ dealId: 'd1', basis: 'named' });
    expect(result.reason).toContain('the call names "field" of Lindula Hills - Field');
  });
});
