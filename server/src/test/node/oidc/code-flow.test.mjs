// Gatehouse's OpenID Provider as an independent, certified relying party sees it: openid-client (OpenID Certified)
// runs discovery, the code flow with PKCE through Gatehouse's real console sign-in page in Debian's Chromium, refresh,
// introspection, userinfo and RP-initiated logout. Nothing here is Spring's, so it checks the server against the
// standard rather than against itself.
//
// Needs a running Gatehouse and a System Administrator to sign in with:
//   GATEHOUSE_URL (http://127.0.0.1:8080), GATEHOUSE_ADMIN_USERNAME, GATEHOUSE_ADMIN_PASSWORD,
//   CHROMIUM (/usr/bin/chromium). The test registers its own application through the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import * as client from 'openid-client';
import { chromium } from 'playwright-core';

const base = (process.env.GATEHOUSE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const username = process.env.GATEHOUSE_ADMIN_USERNAME ?? 'admin';
const password = process.env.GATEHOUSE_ADMIN_PASSWORD;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let callbacks; // the application's own little web server: it receives the redirects
let redirectUri;
let logoutRedirectUri;
let application;
let config;
let browser;
let page;
let tokens; // from the code flow, used by the later steps

before(async () => {
	assert.ok(password, 'set GATEHOUSE_ADMIN_PASSWORD');
	callbacks = createServer((request, response) => {
		response.writeHead(200, { 'Content-Type': 'text/plain' });
		response.end('back at the application');
	});
	await new Promise((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
	const { port } = callbacks.address();
	redirectUri = `http://127.0.0.1:${port}/callback`;
	logoutRedirectUri = `http://127.0.0.1:${port}/signed-out`;
	application = await registerApplication();
	browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
	page = await browser.newPage();
});

after(async () => {
	await browser?.close();
	callbacks?.close();
});

test('discovery: the issuer is the address asked, with the endpoints a relying party needs', async () => {
	config = await client.discovery(new URL(base), application.clientId, application.clientSecret, undefined, {
		execute: [client.allowInsecureRequests],
	});
	const metadata = config.serverMetadata();
	assert.equal(metadata.issuer, base);
	assert.ok(metadata.code_challenge_methods_supported.includes('S256'));
	for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint',
		'introspection_endpoint', 'revocation_endpoint', 'end_session_endpoint']) {
		assert.ok(metadata[endpoint]?.startsWith(base), `${endpoint}: ${metadata[endpoint]}`);
	}
});

test('code flow with PKCE through the console sign-in page in Chromium', async () => {
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const authorize = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid profile email',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state,
		nonce,
	});
	await page.goto(authorize.href);
	// not signed in: Gatehouse shows its own sign-in page, then goes back to the authorization request
	assert.equal(new URL(page.url()).pathname, '/console/sign-in');
	await page.fill('#login', username);
	await page.fill('#password', password);
	await Promise.all([
		page.waitForURL((url) => url.href.startsWith(redirectUri), { timeout: 20_000 }),
		page.click('button[type=submit]'),
	]);
	tokens = await client.authorizationCodeGrant(config, new URL(page.url()), {
		pkceCodeVerifier: verifier,
		expectedState: state,
		expectedNonce: nonce,
		idTokenExpected: true,
	});
	assert.equal(tokens.token_type.toLowerCase(), 'bearer');
	assert.ok(tokens.access_token && tokens.refresh_token && tokens.id_token);
	const claims = tokens.claims(); // openid-client has checked the ID token's signature, issuer, audience and nonce
	assert.equal(claims.aud, application.clientId);
	assert.ok(claims.sub);
});

test('userinfo answers the claims of the scopes asked, for the same subject', async () => {
	const claims = tokens.claims();
	const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
	assert.equal(userInfo.sub, claims.sub);
	assert.equal(userInfo.preferred_username, username);
	assert.ok(userInfo.email?.includes('@'), JSON.stringify(userInfo));
});

test('introspection says the access token is active, for this application and user', async () => {
	const answer = await client.tokenIntrospection(config, tokens.access_token);
	assert.equal(answer.active, true);
	assert.equal(answer.client_id, application.clientId);
	assert.equal(answer.sub, tokens.claims().sub);
});

test('refresh gives a new pair, and the spent refresh token no longer works', async () => {
	const spent = tokens.refresh_token;
	const refreshed = await client.refreshTokenGrant(config, spent);
	assert.ok(refreshed.access_token && refreshed.refresh_token);
	assert.notEqual(refreshed.refresh_token, spent);
	assert.notEqual(refreshed.access_token, tokens.access_token);
	assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, true);
	// presented again after rotation: refused, and the whole authorization is revoked (reuse detection)
	await assert.rejects(client.refreshTokenGrant(config, spent), (error) => error.error === 'invalid_grant');
	assert.equal((await client.tokenIntrospection(config, refreshed.refresh_token)).active, false);
});

test('RP-initiated logout ends the Gatehouse session and goes back to the application', async () => {
	// a fresh sign-in, since the reuse above revoked the first authorization
	tokens = await signInThroughTheBrowser();
	const logout = client.buildEndSessionUrl(config, {
		id_token_hint: tokens.id_token,
		post_logout_redirect_uri: logoutRedirectUri,
		state: 'bye',
	});
	await page.goto(logout.href);
	const back = new URL(page.url());
	assert.equal(back.origin + back.pathname, logoutRedirectUri);
	assert.equal(back.searchParams.get('state'), 'bye');
	// the application's tokens of that sign-in are revoked
	assert.equal((await client.tokenIntrospection(config, tokens.refresh_token)).active, false);
	// and the browser is signed out of Gatehouse: a new authorization request asks for the password again
	const verifier = client.randomPKCECodeVerifier();
	await page.goto(client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: client.randomState(),
	}).href);
	assert.equal(new URL(page.url()).pathname, '/console/sign-in');
});

/** Code flow in the browser; signs in when Gatehouse asks. */
async function signInThroughTheBrowser() {
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	await page.goto(client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid profile',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state,
	}).href);
	if (!page.url().startsWith(redirectUri)) {
		await page.fill('#login', username);
		await page.fill('#password', password);
		await Promise.all([
			page.waitForURL((url) => url.href.startsWith(redirectUri), { timeout: 20_000 }),
			page.click('button[type=submit]'),
		]);
	}
	return client.authorizationCodeGrant(config, new URL(page.url()), {
		pkceCodeVerifier: verifier,
		expectedState: state,
		idTokenExpected: true,
	});
}

/** Signs in to the API as the administrator and registers a confidential, first-party application. */
async function registerApplication() {
	const signIn = await fetch(`${base}/api/v1/session`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ login: username, password }),
	});
	assert.equal(signIn.status, 200, `sign-in: ${signIn.status} ${await signIn.clone().text()}`);
	const cookies = new Map(signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0].split(/=(.*)/s)));
	const created = await fetch(`${base}/api/v1/applications`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
			'X-XSRF-TOKEN': cookies.get('XSRF-TOKEN') ?? '',
		},
		body: JSON.stringify({
			name: `openid-client ${Date.now()}`,
			type: 'confidential',
			firstParty: true,
			redirectUris: [redirectUri],
			postLogoutRedirectUris: [logoutRedirectUri],
			scopes: ['openid', 'profile', 'email'],
			grantTypes: ['authorization_code', 'refresh_token'],
		}),
	});
	const body = await created.json();
	assert.equal(created.status, 201, JSON.stringify(body));
	return body;
}
