/**
 * The id of the report just sent, handed from the form back to the list it was opened from
 * (going back in history carries no state): read once, then gone.
 */
let sent: number | null = null;

export function flashSent(id: number): void {
  sent = id;
}

export function takeSent(): number | null {
  const id = sent;
  sent = null;
  return id;
}
