/**
 * The drawer's default deal name, by the server's rule (defaultDealName in
 * src/conversations/create-deal.ts): "Account – meeting title", or the title alone when
 * it already names the account, so the CRM does not get "Granite Labs – Discovery – Granite Labs".
 */
export function defaultDealName(accountName: string | null, title: string): string {
  const account = accountName?.trim() || 'Account';
  return title.toLowerCase().includes(account.toLowerCase()) ? title : `${account} – ${title}`;
}
