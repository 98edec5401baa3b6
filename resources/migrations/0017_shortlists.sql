-- SPDX-License-Identifier: Apache-2.0
-- 0017: shortlists. A brand's named lists of creators, each creator with a note, shared with the
-- brand's staff (acts_for_brand). A list's members go with it; a creator whose account is
-- deleted leaves every list. Also the one definition of a creator's discovery item, which
-- discovery's index and the lists' members both answer.

CREATE TABLE shortlists (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq         bigserial NOT NULL UNIQUE,
    brand_id    uuid NOT NULL REFERENCES brand_details (user_id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- Names are unique per brand whatever their case (409 name_taken).
CREATE UNIQUE INDEX shortlists_brand_name_key ON shortlists (brand_id, lower(name));
CREATE TRIGGER shortlists_updated_at BEFORE UPDATE ON shortlists
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE shortlist_members (
    shortlist_id  uuid NOT NULL REFERENCES shortlists (id) ON DELETE CASCADE,
    influencer_id uuid NOT NULL REFERENCES influencer_details (user_id) ON DELETE CASCADE,
    seq           bigserial NOT NULL UNIQUE,
    note          text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
    added_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    added_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shortlist_id, influencer_id)
);
CREATE INDEX shortlist_members_influencer_idx ON shortlist_members (influencer_id);

-- A creator as discovery lists them (GET /api/v1/influencers' DiscoveryItem): a short bio, no
-- accounts. Rates as the profile shows them (api_influencer_json): one per deliverable type.
CREATE FUNCTION api_discovery_item_json(d influencer_details) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object('id', d.user_id, 'displayName', d.display_name,
        'bio', left(d.bio, 200), 'niches', to_jsonb(d.niches), 'country', d.country,
        'languages', to_jsonb(d.languages), 'totalFollowers', d.total_followers,
        'engagementRate', d.engagement_rate, 'growth30d', d.growth_30d,
        'authenticityScore', d.authenticity_score, 'platforms', to_jsonb(d.platforms),
        'rates', coalesce((SELECT jsonb_agg(jsonb_build_object('type', r.deliverable_type,
                                   'amountMinor', r.amount_minor, 'currency', r.currency)
                                   ORDER BY r.deliverable_type)
                           FROM influencer_rates r WHERE r.influencer_id = d.user_id), '[]'))
$$;

CREATE FUNCTION api_shortlist_json(s shortlists) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object('id', s.id, 'brandId', s.brand_id, 'name', s.name,
        'description', s.description,
        'memberCount', (SELECT count(*) FROM shortlist_members m WHERE m.shortlist_id = s.id),
        'createdBy', s.created_by, 'createdAt', api_time(s.created_at),
        'updatedAt', api_time(s.updated_at))
$$;

CREATE FUNCTION api_shortlist_member_json(m shortlist_members, d influencer_details)
RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object('influencer', api_discovery_item_json(d), 'note', m.note,
        'addedBy', m.added_by, 'addedAt', api_time(m.added_at))
$$;
