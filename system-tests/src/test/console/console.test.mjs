// The operators' console in a real browser: Playwright (playwright-core) driving Debian's
// Chromium against a running Saldo. ConsoleBrowserSystemTest starts Saldo, makes the data below
// through the API, and runs this file with `node --test`; every value comes from the environment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set`);
  return value;
};
const BASE = env("SALDO_URL");
const TENANT_KEY = env("TENANT_KEY");
const OPERATOR_KEY = env("OPERATOR_KEY");
const CARD = env("CARD");
const CUSTOMER_NO = env("CUSTOMER_NO");
const CUSTOMER = env("CUSTOMER_ID");
const PAYMENT = env("PAYMENT_ID");
const HOLD = env("HOLD_ID");
const MERCHANT = env("MERCHANT_ID");
const FUNDING = env("FUNDING_ID");
const OTHER_ACCOUNT = env("OTHER_ACCOUNT_ID");
const OTHER_TRANSFER = env("OTHER_TRANSFER_ID");
const SHOTS = env("SCREENSHOTS");
mkdirSync(SHOTS, { recursive: true });

let browser;
const violations = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

/** A fresh browser context signed in with a key; fails the test on any CSP report or JS error. */
async function signedIn(key) {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("console", (m) => {
    // a refused resource or inline code logs "Refused to ...", a CSP report; a 404 page's own
    // "Failed to load resource" is what the tests ask for
    if (m.type() === "error" && /Refused to|Content Security Policy/.test(m.text())) {
      violations.push(m.text());
    }
  });
  page.on("pageerror", (e) => violations.push(String(e)));
  await page.goto("/console/sign-in");
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/console\/(accounts|tenants)$/);
  return { context, page };
}

/** The public API, as the tenant's key: to check what the console did, and what it refused. */
async function api(method, path, body) {
  const answer = await fetch(BASE + path, {
    method,
    headers: { Authorization: `Bearer ${TENANT_KEY}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, json: text ? JSON.parse(text) : null };
}

test("sign-in sets a session cookie that scripts cannot read, and pages carry a strict CSP", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  const cookie = (await context.cookies()).find((c) => c.name === "saldo_session");
  assert.ok(cookie, "no session cookie");
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, "Strict");
  assert.equal(cookie.path, "/console");
  assert.equal(await page.evaluate(() => document.cookie.includes("saldo_session")), false);
  const response = await page.goto("/console/accounts");
  const csp = response.headers()["content-security-policy"];
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await context.close();
});

test("a wrong key does not sign in", async () => {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto("/console/sign-in");
  await page.getByLabel("API key").fill("sk_00000000000000000000000000000000_not-a-real-key-at-all-not-at-all-1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That key is not valid").waitFor();
  assert.match(page.url(), /\/console\/sign-in$/);
  await context.close();
});

test("find an account by its external reference, read its balance and its chart", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  await page.getByLabel(/external reference/).fill(CARD);
  await page.getByRole("button", { name: "Find" }).click();
  await page.waitForURL(new RegExp(`/console/accounts/${CUSTOMER}$`));
  const account = (await api("GET", `/v1/accounts/${CUSTOMER}`)).json;
  const major = (minor) => `${(minor / 100).toFixed(2)} EUR`;
  assert.equal(await page.locator("#balance-posted").textContent(), major(account.balance.posted));
  assert.equal(await page.locator("#balance-held").textContent(), major(account.balance.held));
  assert.equal(await page.locator("#balance-available").textContent(), major(account.balance.available));
  const points = (await page.locator("#balance-chart polyline").getAttribute("points")).split(" ");
  assert.equal(points.length, 32 * 2 - 1, "a step line through 32 balances");
  // the last sample is the balance now
  const values = await page.locator("figure.chart details tbody tr td.num").allTextContents();
  assert.equal(values.at(-1), major(account.balance.posted));
  await page.locator("#entries tbody tr").first().waitFor();
  await page.screenshot({ path: `${SHOTS}/account.png`, fullPage: true });
  await context.close();
});

test("find an account by a metadata value", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  await page.getByLabel(/external reference/).fill(`customerNo=${CUSTOMER_NO}`);
  await page.getByRole("button", { name: "Find" }).click();
  await page.waitForURL(new RegExp(`/console/accounts/${CUSTOMER}$`));
  await page.goto("/console/accounts?q=customerNo%3Dnobody");
  await page.getByText("No account with the id").waitFor();
  await context.close();
});

test("capture a hold from the account page", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  await page.goto(`/console/accounts/${CUSTOMER}`);
  const row = page.locator("#holds tbody tr", { has: page.locator(`a[href$="${HOLD}"]`) });
  await row.getByRole("button", { name: "Capture" }).click();
  await page.getByText("The hold was captured.").waitFor();
  assert.equal(await page.locator("#balance-held").textContent(), "0.00 EUR");
  const hold = (await api("GET", `/v1/transfers/${HOLD}`)).json;
  assert.equal(hold.status, "posted");
  assert.equal(hold.capturedAmount, hold.amount);
  await context.close();
});

test("refund a payment with a reason, once however often the form is sent, and see it in the audit log", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  await page.goto(`/console/transfers/${PAYMENT}`);
  const form = page.locator("#refund-form");
  const csrf = await form.locator("input[name=csrf]").inputValue();
  const transferId = await form.locator("input[name=transferId]").inputValue();
  await page.getByLabel(/^Amount/).fill("5.00");
  await page.getByLabel(/^Reason/).fill("Customer returned the scarf");
  await page.getByRole("button", { name: "Refund" }).click();
  await page.getByText("The refund was made.").waitFor();
  assert.equal(await page.locator("#refunded").textContent(), "5.00 EUR");
  assert.match(await page.locator("#refunds").textContent(), /Customer returned the scarf/);
  // the events the payment produced, and their delivery to the shop's webhook
  for (let i = 0; i < 50; i++) {
    const text = (await page.locator("#events").count()) ? await page.locator("#events").textContent() : "";
    if (/transfer\.posted[\s\S]*succeeded/.test(text) && /transfer\.refunded[\s\S]*succeeded/.test(text)) break;
    await page.waitForTimeout(200);
    await page.reload();
  }
  const events = await page.locator("#events").textContent();
  assert.match(events, /transfer\.posted[\s\S]*succeeded/);
  assert.match(events, /transfer\.refunded[\s\S]*succeeded/);
  await page.screenshot({ path: `${SHOTS}/transfer.png`, fullPage: true });

  // the same form again (a double click, a reload): the same refund, nothing paid twice
  const again = await context.request.post(`/console/transfers/${PAYMENT}/refund`, {
    form: { csrf, transferId, amount: "5.00", reason: "Customer returned the scarf" },
    maxRedirects: 0,
  });
  assert.equal(again.status(), 302);
  assert.equal((await api("GET", `/v1/transfers/${PAYMENT}`)).json.refundedAmount, 500);

  // more than is left is refused by the ledger, and nothing changes
  await page.goto(`/console/transfers/${PAYMENT}`);
  await page.getByLabel(/^Amount/).fill("100000.00");
  await page.getByLabel(/^Reason/).fill("too much");
  await page.getByRole("button", { name: "Refund" }).click();
  await page.getByText("Refused:").waitFor();
  assert.match(await page.locator(".notice.refused").textContent(), /refund_exceeds_original/);
  assert.equal((await api("GET", `/v1/transfers/${PAYMENT}`)).json.refundedAmount, 500);
  await context.close();

  const operator = await signedIn(OPERATOR_KEY);
  await operator.page.goto(`/console/audit?action=transfer.refunded&target=${PAYMENT}`);
  const rows = operator.page.locator("#audit tbody tr");
  assert.equal(await rows.count(), 1, "one record for one refund");
  assert.match(await rows.first().textContent(), /Customer returned the scarf/);
  await operator.page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });
  await operator.context.close();
});

test("a manual adjustment needs a reason, moves the money once and is in the audit log", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  const before = (await api("GET", `/v1/accounts/${CUSTOMER}`)).json.balance.posted;
  await page.goto(`/console/accounts/${CUSTOMER}`);
  const form = page.locator("form[action$='/adjust']");
  const csrf = await form.locator("input[name=csrf]").inputValue();
  const transferId = await form.locator("input[name=transferId]").inputValue();
  // without a reason the console refuses, whatever the browser let through
  const bare = await context.request.post(`/console/accounts/${CUSTOMER}/adjust`, {
    form: { csrf, transferId, direction: "in", counterAccount: FUNDING, amount: "1.50" },
    maxRedirects: 0,
  });
  assert.equal(bare.status(), 400);
  assert.equal((await api("GET", `/v1/accounts/${CUSTOMER}`)).json.balance.posted, before);

  await page.getByLabel("The other account's id").fill(FUNDING);
  await page.getByLabel("Amount (EUR)", { exact: true }).fill("1.50");
  await page.getByLabel(/^Reason/).fill("Goodwill for a late delivery");
  await page.getByRole("button", { name: "Adjust" }).click();
  await page.getByText("The adjustment was made.").waitFor();
  const again = await context.request.post(`/console/accounts/${CUSTOMER}/adjust`, {
    form: { csrf, transferId, direction: "in", counterAccount: FUNDING, amount: "1.50",
      reason: "Goodwill for a late delivery" },
    maxRedirects: 0,
  });
  assert.equal(again.status(), 302);
  assert.equal((await api("GET", `/v1/accounts/${CUSTOMER}`)).json.balance.posted, before + 150);
  const adjustment = (await api("GET", `/v1/transfers/${transferId}`)).json;
  assert.equal(adjustment.kind, "adjustment");
  assert.equal(adjustment.metadata.reason, "Goodwill for a late delivery");
  assert.equal(adjustment.metadata.via, "console");
  await context.close();

  const operator = await signedIn(OPERATOR_KEY);
  await operator.page.goto(`/console/audit?action=transfer.adjusted&target=${CUSTOMER}`);
  const rows = operator.page.locator("#audit tbody tr");
  assert.equal(await rows.count(), 1, "one record for one adjustment");
  assert.match(await rows.first().textContent(), /Goodwill for a late delivery/);
  await operator.context.close();
});

test("freeze an account, and a payment from it is refused", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  await page.goto(`/console/accounts/${CUSTOMER}`);
  await page.getByRole("button", { name: "Freeze" }).click();
  await page.getByText("The account is frozen").waitFor();
  assert.equal(await page.locator("#account-status").textContent(), "frozen");
  const payment = await api("POST", "/v1/transfers", {
    id: crypto.randomUUID(), debitAccountId: CUSTOMER, creditAccountId: MERCHANT,
    amount: 100, currency: "EUR", kind: "payment",
  });
  assert.equal(payment.status, 422);
  assert.equal(payment.json.code, "account_frozen");
  await page.getByRole("button", { name: "Unfreeze" }).click();
  await page.getByText("The account is active.").waitFor();
  await context.close();
});

test("a tenant's staff cannot open another tenant's account or transfer by any URL", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  for (const path of [
    `/console/accounts/${OTHER_ACCOUNT}`,
    `/console/accounts/${OTHER_ACCOUNT}/statement.csv`,
    `/console/transfers/${OTHER_TRANSFER}`,
    `/console/accounts/not-an-id`,
  ]) {
    const response = await page.goto(path);
    assert.equal(response.status(), 404, path);
  }
  await page.goto(`/console/accounts?q=${OTHER_ACCOUNT}`);
  await page.getByText("No account with the id").waitFor();
  const tenants = await page.goto("/console/tenants");
  assert.equal(tenants.status(), 403);
  await context.close();
});

test("a form without the CSRF token is refused and changes nothing", async () => {
  const { context } = await signedIn(TENANT_KEY);
  for (const form of [{ status: "frozen" }, { status: "frozen", csrf: "forged" }]) {
    const answer = await context.request.post(`/console/accounts/${CUSTOMER}/status`, {
      form, maxRedirects: 0,
    });
    assert.equal(answer.status(), 403);
  }
  assert.equal((await api("GET", `/v1/accounts/${CUSTOMER}`)).json.status, "active");
  await context.close();
});

test("operators create a tenant and a key (its secret shown once), and revoke it", async () => {
  const { context, page } = await signedIn(OPERATOR_KEY);
  await page.screenshot({ path: `${SHOTS}/tenants.png`, fullPage: true });
  await page.getByLabel("New tenant's name").fill("Corner shop");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await page.waitForURL(/\/console\/tenants\/[0-9a-f-]{36}\/keys$/);
  await page.getByLabel("New key's name").fill("till 1");
  await page.getByLabel("accounts:read").check();
  await page.getByLabel("transfers:write").check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = await page.locator("#secret").inputValue();
  assert.match(secret, /^sk_[0-9a-f]{32}_/);
  await page.screenshot({ path: `${SHOTS}/key-created.png` });
  const reuse = await fetch(`${BASE}/v1/accounts?limit=1`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal(reuse.status, 200, "the new key works");
  await page.getByRole("link", { name: "Back to the keys" }).click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByText("The key was revoked").waitFor();
  assert.doesNotMatch(await page.content(), new RegExp(secret), "the secret is never shown again");
  await context.close();
});

test("the system page runs verify and shows every service", async () => {
  const { context, page } = await signedIn(OPERATOR_KEY);
  await page.goto("/console/system");
  await page.getByRole("button", { name: "Run verify now" }).click();
  await page.locator("#verify-result").waitFor();
  assert.match(await page.locator("#verify-result").textContent(), /clean/);
  assert.doesNotMatch(await page.locator("#verify-result").textContent(), /NOT CLEAN/);
  await page.reload();
  const services = await page.locator("#services tbody tr").allTextContents();
  for (const name of ["gateway", "ledger", "query", "webhooks", "backoffice"]) {
    assert.ok(services.some((row) => row.includes(name) && row.includes("ready")), name);
  }
  await page.screenshot({ path: `${SHOTS}/system.png`, fullPage: true });
  await context.close();
});

test("signing out ends the session: the cookie no longer opens a page or calls the API", async () => {
  const { context, page } = await signedIn(TENANT_KEY);
  const token = (await context.cookies()).find((c) => c.name === "saldo_session").value;
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/console\/sign-in$/);
  await page.goto("/console/accounts");
  assert.match(page.url(), /\/console\/sign-in$/);
  // the gateway may answer from its 2 s cache of credentials; after that the session is gone
  await new Promise((r) => setTimeout(r, 2500));
  const answer = await fetch(`${BASE}/v1/accounts?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(answer.status, 401);
  await context.close();
});

test("no page raised a script error or a Content-Security-Policy violation", () => {
  assert.deepEqual(violations, []);
});
