// Connection state and participant labels are read by both room/ and board/, so they live in session/.
/** The label peers see next to our cursor and in participant lists: 名前（所属）. */
export function participantLabel(name: string, org: string): string {
  return org ? `${name}（${org}）` : name
}
