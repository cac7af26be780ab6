export const eventReads = []
