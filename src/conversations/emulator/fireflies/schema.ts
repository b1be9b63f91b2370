import { GraphQLScalarType, Kind, buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The part of Fireflies' public schema (docs: Schema > Query, Transcript, User,
 * Sentence, MeetingAttendee) that a meeting sync reads, with the real names and
 * types, so a query that works here works there. Deprecated arguments Fireflies still
 * takes (`organizer_email`, `participant_email`, `date`) are kept beside their
 * replacements (`organizers`, `participants`, `fromDate`/`toDate`).
 */
const SDL = /* GraphQL */ `
  scalar DateTime

  type Query {
    user(id: String): User
    users: [User]
    transcript(id: String!): Transcript
    transcripts(
      title: String
      keyword: String
      date: Float
      fromDate: DateTime
      toDate: DateTime
      limit: Int
      skip: Int
      host_email: String
      organizer_email: String
      participant_email: String
      user_id: String
      mine: Boolean
      organizers: [String!]
      participants: [String!]
    ): [Transcript]
  }

  type User {
    user_id: String!
    email: String
    name: String
    num_transcripts: Int
    recent_meeting: String
    minutes_consumed: Float
    is_admin: Boolean
    integrations: [String]
  }

  type MeetingAttendee {
    displayName: String
    email: String
    phoneNumber: String
    name: String
    location: String
  }

  type Speaker {
    id: Int
    name: String
  }

  type Sentence {
    index: Int
    speaker_name: String
    speaker_id: Int
    text: String
    raw_text: String
    start_time: Float
    end_time: Float
  }

  type Transcript {
    id: String!
    title: String
    date: Float
    dateString: String
    duration: Float
    privacy: String
    host_email: String
    organizer_email: String
    participants: [String]
    meeting_attendees: [MeetingAttendee]
    transcript_url: String
    meeting_link: String
    calendar_id: String
    speakers: [Speaker]
    sentences: [Sentence]
    user: User
  }
`;

/**
 * Fireflies' DateTime takes an ISO 8601 string. It is let through as written, so that
 * the resolver answers a bad one the way Fireflies does (`invalid_arguments`, "fromDate
 * must be a Date instance"), not with the library's coercion error.
 */
const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : value),
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING || ast.kind === Kind.INT ? ast.value : null),
});

export function firefliesSchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  Object.assign(schema.getType('DateTime')!, {
    serialize: DateTime.serialize,
    parseValue: DateTime.parseValue,
    parseLiteral: DateTime.parseLiteral,
  });
  return schema;
}
