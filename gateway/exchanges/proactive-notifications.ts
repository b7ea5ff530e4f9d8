// Proactive notifications: the Home Office volunteers a change of status so DWP or HMRC can act on it
// (compliant environment). The Windrush pause reaches these, so the subject's age comes from Home Office
// records, not from what the request says (¶5.42–5.43).
import type { ExchangeOf, ExchangeOperationId } from './exchange-definition.ts';
import { lookUpFacts } from './home-office-records.ts';
import { identifiersOf } from './subject-identifiers.ts';

/** The notifications: operations that take a ProactiveNotificationRequest and answer an AcknowledgementResponse. */
type Notification = Extract<ExchangeOperationId, 'dwpProactiveNotification' | 'hmrcProactiveNotification'>;
type Ack = { status: 'acknowledged'; reference: string; recordFound: boolean };

/** Each notification is typed from its own operation; the one body below serves both, as their schemas are the same. */
function notification<Op extends Notification>(
  id: string,
  operationId: Op,
  partner: 'dwp' | 'hmrc',
): ExchangeOf<Op, 'acknowledged'>;
function notification(
  id: string,
  operationId: Notification,
  partner: 'dwp' | 'hmrc',
): ExchangeOf<Notification, 'acknowledged'> {
  return {
    id,
    operationId,
    upstream: partner,
    partner,
    direction: 'outbound',
    mode: 'proactive',
    subjects: ({ subject }) => identifiersOf(subject),
    lookup: (upstreams, { subject }) => lookUpFacts(upstreams, subject),
    async call(upstreams, body) {
      const { subject } = body;
      const ack = await upstreams[partner]!.post<Ack>(
        `/${partner}/status-notifications`,
        {
          notificationReference: body.notificationReference,
          subject: {
            homeOfficeReference: subject.homeOfficeReference,
            forename: subject.forename,
            surname: subject.surname,
            dateOfBirth: subject.dateOfBirth,
            ...(subject.nino ? { nino: subject.nino } : {}),
          },
          change: body.change,
          effectiveFrom: body.effectiveFrom,
        },
        partner === 'dwp' ? 'DwpNotificationAcknowledgement' : 'HmrcNotificationAcknowledgement',
      );
      return { outcome: 'acknowledged', candidate: { reference: ack.reference, recordFound: ack.recordFound } };
    },
  };
}

export const dwpProactiveNotification = notification('dwp.proactive-notification', 'dwpProactiveNotification', 'dwp');
export const hmrcProactiveNotification = notification(
  'hmrc.proactive-notification',
  'hmrcProactiveNotification',
  'hmrc',
);
