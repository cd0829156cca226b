import { Logger, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { jakartaYearOf, loadWorkingCalendar, WorkingCalendar } from '@mpp/working-time';
import type { GatewayConfig } from '../config/gateway.config';

/** The working calendar, read once at start; a file that is not a calendar stops the gateway. */
export const workingCalendarProvider: Provider = {
  provide: WorkingCalendar,
  inject: [ConfigService],
  useFactory: (config: ConfigService<GatewayConfig, true>): WorkingCalendar => {
    const calendar = loadWorkingCalendar(config.get('WORKING_CALENDAR_FILE', { infer: true }));
    const thisYear = jakartaYearOf(new Date());
    if (!calendar.covers(thisYear)) {
      new Logger('WorkingCalendar').warn(
        `the working calendar lists no holidays for ${thisYear} (it covers ` +
          `${calendar.coveredYears.join(', ')}): only weekends are days off; ` +
          'set WORKING_CALENDAR_FILE to a calendar that covers it',
      );
    }
    return calendar;
  },
};
