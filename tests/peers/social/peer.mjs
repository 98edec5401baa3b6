// SPDX-License-Identifier: Apache-2.0
// A local stand-in for the social platforms' OAuth and account APIs, speaking the shapes their
// documentation shows: Instagram API with Instagram Login (/instagram/...), Google OAuth 2.0 +
// YouTube Data API v3 (/youtube/...), TikTok Login Kit v2 (/tiktok/...). Only node:http.
// Each account has deterministic recent media (media() below: publication days before now and
// figures that follow from the post's number), so tests can compute the expected figures.
// Usage: node peer.mjs <port>. /control/* lets the test steer it and see what it issued.
import http from 'node:http';
import crypto from 'node:crypto';

const port = Number(process.argv[2] || 0);
const random = (prefix) => prefix + crypto.randomBytes(24).toString('hex');
const sha256url = (text) => crypto.createHash('sha256').update(text).digest('base64url');

const defaults = {
  instagram: { id: '17841400000000001', username: 'ig_creator', followers: 12000, following: 300, posts: 140 },
  youtube: { id: 'UCabcdefghijklmnopqrstuv', username: '@yt_creator', followers: 54000, views: 9000000, posts: 210 },
  tiktok: { id: 'open-id-0001', username: 'tt_creator', followers: 98000, following: 120, posts: 400 },
};
const state = {
  next: { ...defaults }, // the account the next consent signs in
  expiresIn: { instagram: 5184000, youtube: 3599, tiktok: 86400 },
  refuseRefresh: { instagram: false, youtube: false, tiktok: false },
  codes: new Map(), // code -> { platform, account, challenge, redirectUri, clientId }
  access: new Map(), // token -> { platform, account }
  refresh: new Map(), // token -> { platform, account }
  issued: [], // every token string handed out
  refreshes: { instagram: 0, youtube: 0, tiktok: 0 },
  calls: {}, // path -> how often it was asked (media and insights)
};
const counted = (path) => { state.calls[path] = (state.calls[path] || 0) + 1; };

const DAY = 86400 * 1000;
const ago = (days) => new Date(Date.now() - days * DAY);
// Instagram's timestamp format: 2026-11-30T12:00:00+0000.
const igTime = (date) => date.toISOString().replace(/\.\d{3}Z$/, '+0000');

// The media of an account, newest first. n = 1, 2, …; `days` before now.
//  instagram: 15 posts, n every 5 days (the 15th 120 days ago: outside 90 days); likes 100 n
//    (post 3 hides them), comments 10 n; insights reach 1000 n, views 2000 n, saved n, shares 2 n
//    (post 5's insights request fails); post 2 is a story, post 4 a reel.
//  youtube: videos 1-5 at 3, 10, 20, 30 and 100 days, plus a private video (no videoPublishedAt);
//    views 10000 n, likes 500 n (video 2 hides them), comments 50 n.
//  tiktok: videos 1-5 at 2, 4, 6, 8 and 95 days; views 20000 n, likes 1000 n, comments 100 n,
//    shares 10 n.
function media(platform, account) {
  const tag = account.id.slice(-4);
  if (platform === 'instagram') {
    return Array.from({ length: 15 }, (_, i) => {
      const n = i + 1;
      return { n, id: `17900${tag}${String(n).padStart(4, '0')}`, days: n === 15 ? 120 : 5 * n,
        product: n === 2 ? 'STORY' : n === 4 ? 'REELS' : 'FEED',
        permalink: `https://www.instagram.com/p/IG${tag}N${n}/`, caption: `Post ${n} #travel`,
        likes: n === 3 ? undefined : 100 * n, comments: 10 * n,
        insights: n === 5 ? undefined : { reach: 1000 * n, views: 2000 * n, saved: n, shares: 2 * n } };
    });
  }
  if (platform === 'youtube') {
    const days = [3, 10, 20, 30, 100];
    return days.map((d, i) => {
      const n = i + 1;
      return { n, id: `yt${tag}vid${n}`, days: d, title: `Video ${n}`,
        views: 10000 * n, likes: n === 2 ? undefined : 500 * n, comments: 50 * n };
    });
  }
  const days = [2, 4, 6, 8, 95];
  return days.map((d, i) => {
    const n = i + 1;
    return { n, id: `7${tag.replace(/\D/g, '1')}00000${n}`, days: d, title: `Clip ${n}`,
      share_url: `https://www.tiktok.com/@${account.username}/video/7${n}`,
      views: 20000 * n, likes: 1000 * n, comments: 100 * n, shares: 10 * n };
  });
}

function issue(platform, account, withRefresh) {
  const access = random(platform === 'instagram' ? 'IGAA' : platform === 'youtube' ? 'ya29.' : 'act.');
  state.access.set(access, { platform, account });
  state.issued.push(access);
  let refresh;
  if (withRefresh) {
    refresh = random(platform === 'youtube' ? '1//' : 'rft.');
    state.refresh.set(refresh, { platform, account });
    state.issued.push(refresh);
  }
  return { access, refresh };
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function body(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(data));
  });
}

function bearer(req) {
  const header = req.headers.authorization || '';
  return header.startsWith('Bearer ') ? state.access.get(header.slice(7)) : undefined;
}

// The consent page: checks the request and sends the browser back with a code.
function authorize(platform, url, res) {
  const q = url.searchParams;
  const clientId = platform === 'tiktok' ? q.get('client_key') : q.get('client_id');
  const pkce = platform !== 'instagram';
  if (!clientId || q.get('response_type') !== 'code' || !q.get('redirect_uri') || !q.get('state')
      || (pkce && q.get('code_challenge_method') !== 'S256')) {
    return send(res, 400, { error: 'invalid_request' });
  }
  if (platform === 'youtube' && q.get('access_type') !== 'offline') {
    return send(res, 400, { error: 'invalid_request', error_description: 'no offline access' });
  }
  const code = random('code-');
  state.codes.set(code, { platform, account: state.next[platform], challenge: q.get('code_challenge'),
    redirectUri: q.get('redirect_uri'), clientId });
  const back = new URL(q.get('redirect_uri'));
  back.searchParams.set('code', code);
  back.searchParams.set('state', q.get('state'));
  res.writeHead(302, { location: back.toString() });
  res.end();
}

function redeem(platform, form) {
  const grant = state.codes.get(form.get('code'));
  state.codes.delete(form.get('code'));
  if (!grant || grant.platform !== platform || grant.redirectUri !== form.get('redirect_uri')) {
    return undefined;
  }
  if (platform !== 'instagram' && sha256url(form.get('code_verifier') || '') !== grant.challenge) {
    return undefined;
  }
  return grant;
}

async function route(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname;
  const text = req.method === 'POST' ? await body(req) : '';
  const form = req.method === 'POST' ? new URLSearchParams(text) : url.searchParams;

  // ---- test control
  if (path === '/control' && req.method === 'POST') {
    const command = JSON.parse(text || '{}');
    if (command.next) Object.assign(state.next, command.next);
    if (command.expiresIn) Object.assign(state.expiresIn, command.expiresIn);
    if (command.refuseRefresh) Object.assign(state.refuseRefresh, command.refuseRefresh);
    // Instagram insights refused as for a token without instagram_business_manage_insights.
    if ('refuseInsights' in command) state.refuseInsights = Boolean(command.refuseInsights);
    // The platform ends the access tokens of these platforms early (refresh tokens stay valid).
    for (const platform of command.revokeAccess || []) {
      for (const [token, grant] of state.access) {
        if (grant.platform === platform) state.access.delete(token);
      }
    }
    if (command.reset) { state.next = { ...defaults }; }
    return send(res, 200, { ok: true });
  }
  if (path === '/control/state') {
    return send(res, 200, { issued: state.issued, refreshes: state.refreshes, calls: state.calls });
  }

  // ---- Instagram API with Instagram Login
  if (path === '/instagram/oauth/authorize') return authorize('instagram', url, res);
  if (path === '/instagram/oauth/access_token' && req.method === 'POST') {
    if (form.get('grant_type') !== 'authorization_code' || form.get('client_secret') !== 'ig-secret') {
      return send(res, 400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid client' });
    }
    const grant = redeem('instagram', form);
    if (!grant) return send(res, 400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid code' });
    const { access } = issue('instagram', grant.account, false);
    return send(res, 200, { data: [{ access_token: access, user_id: grant.account.id, permissions: 'instagram_business_basic' }] });
  }
  if (path === '/instagram/graph/access_token') {
    const known = state.access.get(form.get('access_token'));
    if (form.get('grant_type') !== 'ig_exchange_token' || form.get('client_secret') !== 'ig-secret' || !known) {
      return send(res, 400, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
    }
    const { access } = issue('instagram', known.account, false);
    return send(res, 200, { access_token: access, token_type: 'bearer', expires_in: state.expiresIn.instagram });
  }
  if (path === '/instagram/graph/refresh_access_token') {
    state.refreshes.instagram++;
    const known = state.access.get(form.get('access_token'));
    if (form.get('grant_type') !== 'ig_refresh_token' || !known || state.refuseRefresh.instagram) {
      return send(res, 400, { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } });
    }
    const { access } = issue('instagram', known.account, false);
    return send(res, 200, { access_token: access, token_type: 'bearer', expires_in: state.expiresIn.instagram });
  }
  if (path === '/instagram/graph/me') {
    const known = state.access.get(url.searchParams.get('access_token'));
    if (!known) return send(res, 401, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
    const a = known.account;
    return send(res, 200, { user_id: a.id, username: a.username, followers_count: a.followers,
      follows_count: a.following, media_count: a.posts, id: a.id });
  }

  if (path === '/instagram/graph/me/media' || path === '/instagram/graph/me/insights'
      || /^\/instagram\/graph\/[^/]+\/insights$/.test(path)) {
    counted(path.startsWith('/instagram/graph/me/') ? path : '/instagram/graph/{media-id}/insights');
    const known = state.access.get(url.searchParams.get('access_token'));
    if (!known) return send(res, 401, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
    const list = media('instagram', known.account);
    if (state.refuseInsights && path.endsWith('/insights')) {
      return send(res, 400, { error: { message: '(#10) Application does not have permission for this action', type: 'OAuthException', code: 10 } });
    }
    if (path.endsWith('/me/media')) {
      const fields = (url.searchParams.get('fields') || '').split(',');
      const limit = Number(url.searchParams.get('limit') || 25);
      const data = list.slice(0, limit).map((m) => {
        const item = { id: m.id, caption: m.caption, media_type: m.product === 'REELS' ? 'VIDEO' : 'IMAGE',
          media_product_type: m.product, permalink: m.permalink, timestamp: igTime(ago(m.days)),
          comments_count: m.comments };
        if (m.likes !== undefined) item.like_count = m.likes;
        return Object.fromEntries(Object.entries(item).filter(([k]) => fields.includes(k)));
      });
      return send(res, 200, { data, paging: { cursors: { before: 'b', after: 'a' } } });
    }
    if (path.endsWith('/me/insights')) {
      if (url.searchParams.get('metric_type') !== 'total_value') return send(res, 400, { error: { message: 'metric_type', code: 100 } });
      return send(res, 200, { data: [{ name: 'reach', period: 'day', title: 'Accounts reached',
        total_value: { value: 5000 }, id: `${known.account.id}/insights/reach/day` }] });
    }
    const id = decodeURIComponent(path.split('/')[3]);
    const post = list.find((m) => m.id === id);
    if (!post || !post.insights) {
      return send(res, 400, { error: { message: '(#100) The metric is not supported for this media', type: 'OAuthException', code: 100 } });
    }
    const names = (url.searchParams.get('metric') || '').split(',');
    return send(res, 200, { data: names.filter((name) => name in post.insights).map((name) => ({
      name, period: 'lifetime', values: [{ value: post.insights[name] }], title: name, id: `${id}/insights/${name}/lifetime` })) });
  }

  // ---- Google OAuth 2.0 + YouTube Data API v3
  if (path === '/youtube/o/oauth2/v2/auth') return authorize('youtube', url, res);
  if (path === '/youtube/token' && req.method === 'POST') {
    if (form.get('client_secret') !== 'yt-secret') return send(res, 401, { error: 'invalid_client' });
    if (form.get('grant_type') === 'authorization_code') {
      const grant = redeem('youtube', form);
      if (!grant) return send(res, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
      const { access, refresh } = issue('youtube', grant.account, true);
      return send(res, 200, { access_token: access, expires_in: state.expiresIn.youtube, refresh_token: refresh,
        scope: 'https://www.googleapis.com/auth/youtube.readonly', token_type: 'Bearer' });
    }
    if (form.get('grant_type') === 'refresh_token') {
      state.refreshes.youtube++;
      const known = state.refresh.get(form.get('refresh_token'));
      if (!known || state.refuseRefresh.youtube) {
        return send(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      const { access } = issue('youtube', known.account, false);
      // Google keeps the refresh token: it is not in the answer.
      return send(res, 200, { access_token: access, expires_in: state.expiresIn.youtube,
        scope: 'https://www.googleapis.com/auth/youtube.readonly', token_type: 'Bearer' });
    }
    return send(res, 400, { error: 'unsupported_grant_type' });
  }
  if (path === '/youtube/api/youtube/v3/channels') {
    const known = bearer(req);
    if (!known) return send(res, 401, { error: { code: 401, message: 'Invalid Credentials', status: 'UNAUTHENTICATED' } });
    if (url.searchParams.get('mine') !== 'true' || !(url.searchParams.get('part') || '').includes('statistics')) {
      return send(res, 400, { error: { code: 400, message: 'bad request' } });
    }
    const a = known.account;
    return send(res, 200, { kind: 'youtube#channelListResponse', pageInfo: { totalResults: 1, resultsPerPage: 5 },
      items: [{ kind: 'youtube#channel', id: a.id, snippet: { title: 'YT Creator', customUrl: a.username },
        contentDetails: { relatedPlaylists: { likes: '', uploads: 'UU' + a.id.slice(2) } },
        statistics: { viewCount: String(a.views), subscriberCount: String(a.followers),
          hiddenSubscriberCount: false, videoCount: String(a.posts) } }] });
  }
  if (path === '/youtube/api/youtube/v3/playlistItems' || path === '/youtube/api/youtube/v3/videos') {
    counted(path);
    const known = bearer(req);
    if (!known) return send(res, 401, { error: { code: 401, message: 'Invalid Credentials', status: 'UNAUTHENTICATED' } });
    const list = media('youtube', known.account);
    if (path.endsWith('/playlistItems')) {
      if (url.searchParams.get('playlistId') !== 'UU' + known.account.id.slice(2)) {
        return send(res, 404, { error: { code: 404, message: 'playlistNotFound' } });
      }
      const items = list.map((v, i) => ({ kind: 'youtube#playlistItem', id: `pl${i}`,
        snippet: { publishedAt: ago(v.days).toISOString(), title: v.title, resourceId: { kind: 'youtube#video', videoId: v.id } },
        contentDetails: { videoId: v.id, videoPublishedAt: ago(v.days).toISOString() } }));
      items.splice(2, 0, { kind: 'youtube#playlistItem', id: 'plx', snippet: { title: 'Private video' },
        contentDetails: { videoId: 'private00001' } });
      return send(res, 200, { kind: 'youtube#playlistItemListResponse', items,
        pageInfo: { totalResults: items.length, resultsPerPage: Number(url.searchParams.get('maxResults') || 5) } });
    }
    const ids = (url.searchParams.get('id') || '').split(',');
    const items = list.filter((v) => ids.includes(v.id)).map((v) => {
      const statistics = { viewCount: String(v.views), favoriteCount: '0', commentCount: String(v.comments) };
      if (v.likes !== undefined) statistics.likeCount = String(v.likes);
      return { kind: 'youtube#video', id: v.id, snippet: { publishedAt: ago(v.days).toISOString(), title: v.title }, statistics };
    });
    return send(res, 200, { kind: 'youtube#videoListResponse', items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } });
  }

  // ---- TikTok Login Kit v2
  if (path === '/tiktok/v2/auth/authorize/') return authorize('tiktok', url, res);
  if (path === '/tiktok/v2/oauth/token/' && req.method === 'POST') {
    if (form.get('client_secret') !== 'tt-secret') {
      return send(res, 401, { error: 'invalid_client', error_description: 'Client secret is invalid', log_id: 'x' });
    }
    if (form.get('grant_type') === 'authorization_code') {
      const grant = redeem('tiktok', form);
      if (!grant) return send(res, 400, { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: 'x' });
      const { access, refresh } = issue('tiktok', grant.account, true);
      return send(res, 200, { access_token: access, expires_in: state.expiresIn.tiktok, open_id: grant.account.id,
        refresh_expires_in: 31536000, refresh_token: refresh, scope: 'user.info.basic,user.info.stats', token_type: 'Bearer' });
    }
    if (form.get('grant_type') === 'refresh_token') {
      state.refreshes.tiktok++;
      const known = state.refresh.get(form.get('refresh_token'));
      if (!known || state.refuseRefresh.tiktok) {
        return send(res, 400, { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'x' });
      }
      state.refresh.delete(form.get('refresh_token'));
      const { access, refresh } = issue('tiktok', known.account, true);
      return send(res, 200, { access_token: access, expires_in: state.expiresIn.tiktok, open_id: known.account.id,
        refresh_expires_in: 31536000, refresh_token: refresh, scope: 'user.info.basic,user.info.stats', token_type: 'Bearer' });
    }
    return send(res, 400, { error: 'unsupported_grant_type', log_id: 'x' });
  }
  if (path === '/tiktok/v2/user/info/') {
    const known = bearer(req);
    if (!known) {
      return send(res, 401, { error: { code: 'access_token_invalid', message: 'The access token is invalid.', log_id: 'x' } });
    }
    const a = known.account;
    return send(res, 200, { data: { user: { open_id: a.id, username: a.username, display_name: 'TT Creator',
      profile_deep_link: 'https://vm.tiktok.com/' + a.username, follower_count: a.followers,
      following_count: a.following, video_count: a.posts, likes_count: 12345 } },
    error: { code: 'ok', message: '', log_id: 'x' } });
  }
  if (path === '/tiktok/v2/video/list/' && req.method === 'POST') {
    counted(path);
    const known = bearer(req);
    if (!known) {
      return send(res, 401, { error: { code: 'access_token_invalid', message: 'The access token is invalid.', log_id: 'x' } });
    }
    const fields = (url.searchParams.get('fields') || '').split(',');
    let max = 20;
    try { max = JSON.parse(text || '{}').max_count || 20; } catch { return send(res, 400, { error: { code: 'invalid_params', message: 'body', log_id: 'x' } }); }
    if (!(req.headers['content-type'] || '').startsWith('application/json') || max > 20) {
      return send(res, 400, { error: { code: 'invalid_params', message: 'max_count', log_id: 'x' } });
    }
    const videos = media('tiktok', known.account).slice(0, max).map((v) => {
      const item = { id: v.id, title: v.title, create_time: Math.floor(ago(v.days).getTime() / 1000),
        share_url: v.share_url, view_count: v.views, like_count: v.likes, comment_count: v.comments, share_count: v.shares };
      return Object.fromEntries(Object.entries(item).filter(([k]) => fields.includes(k)));
    });
    return send(res, 200, { data: { videos, cursor: 0, has_more: false }, error: { code: 'ok', message: '', log_id: 'x' } });
  }
  send(res, 404, { error: 'not_found' });
}

const server = http.createServer((req, res) => {
  route(req, res).catch((e) => send(res, 500, { error: String(e) }));
});
server.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
