// Gatehouse signing people in through an independent provider: Keycloak (26) as an OpenID Provider and as a SAML
// identity provider, through Gatehouse's real console sign-in page in Debian's Chromium. Nothing here is Gatehouse's
// own test rig, so it checks the two sign-ins against a provider that was not written with them.
//
// Needs a running Gatehouse and Keycloak (bin/keycloak-sso-check starts both); the test creates the realm of realm.json:
//   GATEHOUSE_URL, GATEHOUSE_ADMIN_USERNAME, GATEHOUSE_ADMIN_PASSWORD, KEYCLOAK_URL, KEYCLOAK_ADMIN_USERNAME,
//   KEYCLOAK_ADMIN_PASSWORD, CHROMIUM (/usr/bin/chromium), SIGN_INS (sign-ins timed per provider, 5).
// The test registers both providers through Gatehouse's API, and the SAML client at Keycloak from Gatehouse's
// service provider metadata (Keycloak's "Import client").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const base = (process.env.GATEHOUSE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const keycloak = (process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:18080').replace(/\/$/, '');
const realm = 'gatehouse-check';
const issuer = `${keycloak}/realms/${realm}`;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const signIns = Number(process.env.SIGN_INS ?? 5);

let browser;
let gatehouse; // the administrator's API session

before(async () => {
	assert.ok(process.env.GATEHOUSE_ADMIN_PASSWORD, 'set GATEHOUSE_ADMIN_PASSWORD');
	assert.ok(process.env.KEYCLOAK_ADMIN_PASSWORD, 'set KEYCLOAK_ADMIN_PASSWORD');
	gatehouse = await gatehouseSession();
	const realmJson = (await readFile(new URL('realm.json', import.meta.url), 'utf8')).replaceAll('@GATEHOUSE_URL@', base);
	const created = await keycloakAdmin('POST', '/admin/realms', realmJson, 'application/json');
	assert.equal(created.status, 201, await created.text());
	browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
});

after(async () => {
	await browser?.close();
});

test('OIDC: a Keycloak user signs in with "Sign in with Keycloak" and lands in the console as a new account', async () => {
	const provider = await gatehouse('POST', '/api/v1/identity-providers', {
		alias: 'keycloak', displayName: 'Keycloak', issuer, clientId: 'gatehouse',
		clientSecret: 'gatehouse-check-secret', scopes: ['openid', 'profile', 'email'], provisioning: 'jit',
	});
	assert.equal(provider.status, 201, JSON.stringify(provider.body));
	const checked = await gatehouse('POST', `/api/v1/identity-providers/${provider.body.id}/test`);
	assert.equal(checked.status, 200, JSON.stringify(checked.body));

	const timings = await signInRepeatedly('Sign in with Keycloak', 'kc.person', 'Kc-Person-Pass-1',
		'/sso/oidc/callback/keycloak', (me) => {
			assert.equal(me.source, 'oidc');
			assert.equal(me.email, 'kc.person@example.com');
			assert.equal(me.firstName, 'Kim');
			assert.equal(me.lastName, 'Keycloak');
		});
	report('OIDC', timings);
});

test('OIDC sign-out: the console\'s Sign out ends the Keycloak session too and comes back to the sign-in page', async () => {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${base}/console/sign-in`);
		await page.getByRole('link', { name: 'Sign in with Keycloak', exact: true }).click();
		await page.locator('#username').fill('kc.person');
		await page.locator('#password').fill('Kc-Person-Pass-1');
		await page.locator('#kc-login').click();
		await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/console/sign-in'));

		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL((url) => url.origin === base && url.pathname === '/console/sign-in');
		assert.equal((await page.request.get(`${base}/api/v1/me`)).status(), 401);
		// Keycloak's session has ended as well: signing in again asks for the password
		await page.getByRole('link', { name: 'Sign in with Keycloak', exact: true }).click();
		await page.waitForURL((url) => url.href.startsWith(keycloak));
		await page.locator('#password').waitFor();
	} finally {
		await context.close();
	}
});

test('SAML: a Keycloak user signs in with "Sign in with Keycloak SAML" and lands in the console as a new account', async () => {
	const provider = await gatehouse('POST', '/api/v1/identity-providers', {
		protocol: 'saml', alias: 'keycloak-saml', displayName: 'Keycloak SAML',
		metadataUrl: `${issuer}/protocol/saml/descriptor`, provisioning: 'jit',
	});
	assert.equal(provider.status, 201, JSON.stringify(provider.body));
	await importSamlClient(await (await fetch(`${base}/sso/saml/metadata/keycloak-saml`)).text());

	const timings = await signInRepeatedly('Sign in with Keycloak SAML', 'kc.saml', 'Kc-Saml-Pass-1',
		'/sso/saml/acs/keycloak-saml', (me) => {
			assert.equal(me.source, 'saml');
			assert.equal(me.email, 'kc.saml@example.com');
			assert.equal(me.firstName, 'Sam');
			assert.equal(me.lastName, 'Assertion');
		});
	report('SAML', timings);
});

// Signs in afresh (a new browser, so Keycloak asks for the password each time) and times each from the provider's
// redirect back to Gatehouse until the console page has loaded.
async function signInRepeatedly(button, username, password, callbackPath, checkAccount) {
	const timings = [];
	for (let i = 0; i < signIns; i++) {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			let back;
			page.on('request', (request) => {
				if (request.url().startsWith(`${base}${callbackPath}`)) {
					back = performance.now();
				}
			});
			await page.goto(`${base}/console/sign-in`);
			await page.getByRole('link', { name: button, exact: true }).click();
			await page.waitForURL((url) => url.href.startsWith(keycloak));
			await page.locator('#username').fill(username);
			await page.locator('#password').fill(password);
			await page.locator('#kc-login').click();
			await page.waitForURL((url) => url.origin === base && url.pathname.startsWith('/console')
				&& !url.pathname.startsWith('/console/sign-in'), { waitUntil: 'load' });
			assert.ok(back, 'the provider sent the browser back to Gatehouse');
			timings.push(performance.now() - back);
			const me = await page.request.get(`${base}/api/v1/me`);
			assert.equal(me.status(), 200, await me.text());
			const account = await me.json();
			assert.equal(account.active ?? true, true);
			checkAccount(account);
		} finally {
			await context.close();
		}
	}
	return timings;
}

function report(protocol, timings) {
	const sorted = [...timings].sort((a, b) => a - b);
	const p50 = sorted[Math.floor((sorted.length - 1) / 2)];
	console.log(`${protocol}: ${timings.length} sign-ins, from the provider's redirect back to the console page`
		+ ` loaded: p50 ${p50.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`
		+ ` (first, with the account made: ${timings[0].toFixed(0)} ms)`);
}

async function gatehouseSession() {
	const signIn = await fetch(`${base}/api/v1/session`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			login: process.env.GATEHOUSE_ADMIN_USERNAME ?? 'admin', password: process.env.GATEHOUSE_ADMIN_PASSWORD,
		}),
	});
	assert.equal(signIn.status, 200, `sign-in: ${signIn.status} ${await signIn.clone().text()}`);
	const cookies = new Map(signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0].split(/=(.*)/s)));
	return async (method, path, body) => {
		const response = await fetch(`${base}${path}`, {
			method,
			headers: {
				'Content-Type': 'application/json',
				Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
				'X-XSRF-TOKEN': cookies.get('XSRF-TOKEN') ?? '',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	};
}

// Keycloak's "Import client": the client made from Gatehouse's SP metadata (entity id, ACS, signing certificate),
// plus the attributes Gatehouse reads.
async function importSamlClient(metadata) {
	const admin = `/admin/realms/${realm}`;
	const converted = await keycloakAdmin('POST', `${admin}/client-description-converter`, metadata, 'text/plain');
	assert.equal(converted.status, 200, await converted.clone().text());
	const created = await keycloakAdmin('POST', `${admin}/clients`, await converted.text(), 'application/json');
	assert.equal(created.status, 201, await created.text());
	const id = created.headers.get('location').split('/').at(-1);
	const attribute = (name, property) => ({
		name, protocol: 'saml', protocolMapper: 'saml-user-property-mapper',
		config: { 'user.attribute': property, 'attribute.name': name, 'attribute.nameformat': 'Basic' },
	});
	const mappers = await keycloakAdmin('POST', `${admin}/clients/${id}/protocol-mappers/add-models`,
		JSON.stringify([attribute('email', 'email'), attribute('givenName', 'firstName'), attribute('sn', 'lastName')]),
		'application/json');
	assert.equal(mappers.status, 204, await mappers.text());
}

async function keycloakAdmin(method, path, body, contentType) {
	const token = await fetch(`${keycloak}/realms/master/protocol/openid-connect/token`, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'password', client_id: 'admin-cli',
			username: process.env.KEYCLOAK_ADMIN_USERNAME ?? 'admin', password: process.env.KEYCLOAK_ADMIN_PASSWORD,
		}),
	});
	assert.equal(token.status, 200, await token.clone().text());
	return fetch(`${keycloak}${path}`, {
		method,
		headers: { Authorization: `Bearer ${(await token.json()).access_token}`, 'Content-Type': contentType },
		body,
	});
}
