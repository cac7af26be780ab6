/**
 * How the admin panel shows dates (date-fns patterns), always with the year:
 * Payload's default for a date-only picker is "MMM dd" ("Feb 02").
 */
export const ADMIN_DATE_TIME_FORMAT = 'd MMM yyyy, HH:mm'
export const ADMIN_DATE_FORMAT = 'd MMM yyyy'
