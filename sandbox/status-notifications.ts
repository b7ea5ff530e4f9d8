// Proactive notifications (dwp.proactive-notification, hmrc.proactive-notification): the Home Office tells
// DWP or HMRC that someone's leave has been curtailed, has ended or was never held, so that they can act on
// it ("compliant environment", ¶3.24). The partner acknowledges with its own reference; whether it matched
// the person to its records is the feedback partners were never given (¶6.62). Neither partner holds Home
// Office references, so each matches on the NINo or the name and date of birth.
import type { components } from '../contracts/partners-types.ts';
import { stableReference } from './matching.ts';

type Notification = components['schemas']['DwpStatusNotification'] | components['schemas']['HmrcStatusNotification'];
type Subject = Notification['subject'];

export interface Acknowledgement<Prefix extends string> {
  status: 'acknowledged';
  reference: `${Prefix}-${string}`;
  recordFound: boolean;
}

export function createNotificationReceiver<Prefix extends 'DWP-N' | 'HMRC-N'>(
  prefix: Prefix,
  holdsRecordOf: (subject: Omit<Subject, 'homeOfficeReference'>) => boolean,
) {
  return (notification: Notification): Acknowledgement<Prefix> => {
    const { homeOfficeReference, ...particulars } = notification.subject;
    return {
      status: 'acknowledged',
      // The same notification sent twice gets the same reference, so a retry is not a second notification.
      reference: stableReference(
        prefix,
        notification.notificationReference ?? null,
        homeOfficeReference,
        notification.change,
        notification.effectiveFrom,
      ) as `${Prefix}-${string}`,
      recordFound: holdsRecordOf(particulars),
    };
  };
}
