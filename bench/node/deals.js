// SPDX-License-Identifier: Apache-2.0
// What the node baseline and the pgbench scripts of bench/run share with influence-server for the
// deals-list and deal-detail scenarios: the same SQL (a port of server/deals/Deals.cpp's list and
// detail statements and of server/deals/DealAccess.cpp's deal access check and core/db/Pages.cpp's page writer:
// keep them in step). The JSON itself is built by the database (api_deal_json and
// api_deal_detail_json, migration 0005); the servers only join the rows.
'use strict';

const INT64_MAX = 9223372036854775807n; // Page::afterValue() without a cursor
const DEFAULT_LIMIT = 25;

// CollabSupport.cpp kDealAccess: the deal's parties, and whether the caller acts for its brand.
const ACCESS_SQL = 'SELECT d.state, d.campaign_id, d.brand_id, d.influencer_id, c.status, c.currency, '
    + 'acts_for_brand(:user, d.brand_id) FROM deals d JOIN campaigns c ON c.id = d.campaign_id '
    + 'WHERE d.id = :id';
// Deals.cpp kDetail.
const DETAIL_SQL = 'SELECT api_deal_detail_json(d)::text FROM deals d WHERE d.id = :id';

// Deals.cpp kBrandsOf: the brands a brand-side caller acts for (its own id, and those it is staff
// of), before its list.
const BRANDS_SQL = 'SELECT CAST(:user AS uuid) UNION SELECT m.brand_id FROM brand_members m '
    + 'WHERE m.member_id = :member';
const MAX_BRANDS_MERGED = 20; // Deals.cpp kMaxBrandsMerged

// GET /api/v1/deals, first page unless `after` (a row's seq), no filters: the statement Deals.cpp
// list() builds, its values bound by `bind` in order (a placeholder or a literal, see
// discovery.js). The brand side (`brands`: BRANDS_SQL's rows, in their order) gets one ordered
// scan per brand, merged (brandPage); creators, administrators and staff of more than 20 brands
// one query.
function listStatement(role, user, brands, bind, limit = DEFAULT_LIMIT, after = INT64_MAX) {
  const brandSide = role !== 'influencer' && role !== 'admin';
  if (brandSide && brands.length <= MAX_BRANDS_MERGED) {
    const parts = brands.map((brand) => `(SELECT d.* FROM deals d WHERE d.brand_id = ${bind(brand)} AND TRUE `
        + `AND d.seq < ${bind(after)} ORDER BY d.seq DESC LIMIT ${bind(limit + 1)})`);
    return `SELECT api_deal_json(d)::text, d.seq FROM (${parts.join(' UNION ALL ')}) d `
        + `WHERE d.seq < ${bind(after)} ORDER BY d.seq DESC LIMIT ${bind(limit + 1)}`;
  }
  const where = ['TRUE'];
  if (role === 'influencer') {
    where.push(`d.influencer_id = ${bind(user)}`);
  } else if (role !== 'admin') {
    where.push(`d.brand_id IN (SELECT CAST(${bind(user)} AS uuid) UNION ALL `
        + `SELECT m.brand_id FROM brand_members m WHERE m.member_id = ${bind(user)})`);
  }
  return `SELECT api_deal_json(d)::text, d.seq FROM deals d WHERE ${where.join(' AND ')} `
      + `AND d.seq < ${bind(after)} ORDER BY d.seq DESC LIMIT ${bind(limit + 1)}`;
}

// CollabSupport.cpp runPage: {"items":[…],"nextCursor":…} with the cursor "p1:<seq>" in
// unpadded base64url.
function pageJson(rows, limit = DEFAULT_LIMIT) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const next = more
    ? `"${Buffer.from(`p1:${items[items.length - 1][1]}`).toString('base64url')}"` : 'null';
  return `{"items":[${items.map((row) => row[0]).join(',')}],"nextCursor":${next}}`;
}

// dealAccess: the brand's side (owner or staff) or an administrator, else the deal's creator, else
// "no such deal".
function mayRead(accessRow, role, user) {
  return accessRow !== undefined
      && (accessRow[6] === true || role === 'admin' || accessRow[3] === user);
}

module.exports = { ACCESS_SQL, DETAIL_SQL, BRANDS_SQL, listStatement, pageJson, mayRead, DEFAULT_LIMIT };
