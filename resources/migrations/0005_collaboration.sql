-- SPDX-License-Identifier: Apache-2.0
-- 0005: collaboration. Brands (and the agency staff acting for them) run campaigns; a deal is one
-- creator in one campaign, negotiated through a history of offers; an accepted deal has
-- deliverables whose drafts are versioned and reviewed; each deal has a message thread and an
-- activity timeline; parties get in-app notifications for what they must act on.
--
-- The state machines are enforced by the server (row locks, conditional updates); the database
-- keeps the invariants that must never break whatever the code does: enumerations, one live deal
-- per creator and campaign, one open offer per deal, one draft in review per deliverable, frozen
-- terms on every accepted deal, revision rounds within the agreed cap.
-- Business records reference users ON DELETE RESTRICT (see 0001): such users are disabled, never
-- deleted. Every listed table has a `seq` (bigserial) for stable keyset pagination.

-- Agency staff (users with the brand role) who act for a brand besides its owner.
CREATE TABLE brand_members (
    brand_id   uuid NOT NULL REFERENCES brand_details (user_id) ON DELETE CASCADE,
    member_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (brand_id, member_id),
    CONSTRAINT brand_members_not_owner CHECK (brand_id <> member_id)
);
CREATE INDEX brand_members_member_idx ON brand_members (member_id, brand_id);

-- Whether `actor` acts for `brand`: its owner or a member of its staff. (Administrators act on
-- everything; the server checks that separately.)
CREATE FUNCTION acts_for_brand(actor uuid, brand uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT actor = brand
        OR EXISTS (SELECT 1 FROM brand_members m WHERE m.brand_id = brand AND m.member_id = actor)
$$;

CREATE TABLE campaigns (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq                  bigserial NOT NULL UNIQUE,
    brand_id             uuid NOT NULL REFERENCES brand_details (user_id) ON DELETE RESTRICT,
    created_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    name                 text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
    brief                text NOT NULL DEFAULT '' CHECK (char_length(brief) <= 10000),
    objective            text NOT NULL
                         CHECK (objective IN ('awareness', 'engagement', 'conversions')),
    platforms            text[] NOT NULL DEFAULT '{}'
                         CHECK (platforms <@ ARRAY['instagram', 'youtube', 'tiktok', 'twitch', 'x',
                                                   'facebook', 'pinterest', 'linkedin',
                                                   'snapchat']::text[]),
    deliverable_types    text[] NOT NULL DEFAULT '{}'
                         CHECK (deliverable_types <@ ARRAY['post', 'story', 'reel', 'video',
                                                           'short', 'livestream', 'blog']::text[]),
    target_niches        text[] NOT NULL DEFAULT '{}'
                         CHECK (cardinality(target_niches) <= 10
                                AND array_position(target_niches, NULL) IS NULL),
    target_countries     text[] NOT NULL DEFAULT '{}'
                         CHECK (cardinality(target_countries) <= 50
                                AND array_position(target_countries, NULL) IS NULL),
    target_languages     text[] NOT NULL DEFAULT '{}'
                         CHECK (cardinality(target_languages) <= 20
                                AND array_position(target_languages, NULL) IS NULL),
    min_followers        bigint CHECK (min_followers >= 0),
    max_followers        bigint CHECK (max_followers >= 0),
    min_engagement_rate  real CHECK (min_engagement_rate BETWEEN 0 AND 1),
    -- The budget; what is committed and paid against it comes with payouts (a later migration).
    budget_minor         bigint NOT NULL DEFAULT 0 CHECK (budget_minor >= 0),
    currency             char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    starts_on            date,
    ends_on              date,
    application_deadline timestamptz,
    visibility           text NOT NULL DEFAULT 'private' CHECK (visibility IN ('public', 'private')),
    usage_rights         text NOT NULL DEFAULT '' CHECK (char_length(usage_rights) <= 4000),
    status               text NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'active', 'paused', 'completed', 'cancelled')),
    launched_at          timestamptz,
    closed_at            timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_follower_range CHECK (min_followers IS NULL OR max_followers IS NULL
                                               OR min_followers <= max_followers),
    CONSTRAINT campaigns_dates CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on),
    CONSTRAINT campaigns_launched CHECK (status = 'draft' OR status = 'cancelled'
                                         OR launched_at IS NOT NULL),
    CONSTRAINT campaigns_closed CHECK ((status IN ('completed', 'cancelled')) = (closed_at IS NOT NULL)),
    -- Target of the deals' composite key (a deal's brand is its campaign's brand).
    UNIQUE (id, brand_id)
);
CREATE INDEX campaigns_brand_idx ON campaigns (brand_id, seq DESC);
-- Creators browse public active campaigns, newest first.
CREATE INDEX campaigns_open_idx ON campaigns (seq DESC)
    WHERE status = 'active' AND visibility = 'public';
CREATE TRIGGER campaigns_updated_at BEFORE UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE deals (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq                 bigserial NOT NULL UNIQUE,
    campaign_id         uuid NOT NULL,
    -- Denormalized from the campaign (immutable there) so brand deal lists need no join.
    brand_id            uuid NOT NULL,
    influencer_id       uuid NOT NULL REFERENCES influencer_details (user_id) ON DELETE RESTRICT,
    origin              text NOT NULL CHECK (origin IN ('invitation', 'application')),
    state               text NOT NULL
                        CHECK (state IN ('invited', 'applied', 'negotiating', 'accepted',
                                         'in_progress', 'completed', 'declined', 'withdrawn',
                                         'cancelled')),
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    -- The agreed terms, frozen when an offer is accepted: later edits of the campaign or new
    -- offers never change them.
    terms               jsonb CHECK (terms IS NULL OR jsonb_typeof(terms) = 'object'),
    accepted_offer_id   uuid,
    brand_accepted_at   timestamptz,
    brand_accepted_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    creator_accepted_at timestamptz,
    started_at          timestamptz,
    completed_at        timestamptz,
    closed_at           timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (campaign_id, brand_id) REFERENCES campaigns (id, brand_id) ON DELETE RESTRICT,
    -- Once accepted, a deal carries its terms and both acceptances (also when later cancelled).
    CONSTRAINT deals_accepted_has_terms CHECK (
        state IN ('invited', 'applied', 'negotiating', 'declined', 'withdrawn')
        OR (state = 'cancelled' AND terms IS NULL)
        OR (terms IS NOT NULL AND accepted_offer_id IS NOT NULL
            AND brand_accepted_at IS NOT NULL AND creator_accepted_at IS NOT NULL)),
    CONSTRAINT deals_completed_at CHECK ((state = 'completed') = (completed_at IS NOT NULL)),
    CONSTRAINT deals_closed_at CHECK ((state IN ('declined', 'withdrawn', 'cancelled'))
                                      = (closed_at IS NOT NULL))
);
-- One live deal per creator and campaign (a closed one may be followed by a new one).
CREATE UNIQUE INDEX deals_live_key ON deals (campaign_id, influencer_id)
    WHERE state NOT IN ('declined', 'withdrawn', 'cancelled');
CREATE INDEX deals_brand_idx ON deals (brand_id, seq DESC);
CREATE INDEX deals_influencer_idx ON deals (influencer_id, seq DESC);
CREATE INDEX deals_campaign_idx ON deals (campaign_id, state);
CREATE TRIGGER deals_updated_at BEFORE UPDATE ON deals
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Negotiation: each offer is a complete proposal by one side; the other side accepts, declines
-- or counters it with the next offer.
CREATE TABLE offers (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id       uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    sequence      integer NOT NULL CHECK (sequence >= 1),
    made_by       text NOT NULL CHECK (made_by IN ('brand', 'creator')),
    author_id     uuid REFERENCES users (id) ON DELETE SET NULL,
    -- [{type, platform, quantity, dueDate}], validated by the server (common/Collab).
    deliverables  jsonb NOT NULL CHECK (jsonb_typeof(deliverables) = 'array'
                                        AND jsonb_array_length(deliverables) BETWEEN 1 AND 20),
    fee_minor     bigint NOT NULL CHECK (fee_minor >= 0),
    currency      char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    usage_rights  text NOT NULL DEFAULT '' CHECK (char_length(usage_rights) <= 4000),
    max_revisions integer NOT NULL DEFAULT 2 CHECK (max_revisions BETWEEN 0 AND 10),
    note          text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
    status        text NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'accepted', 'declined', 'countered', 'withdrawn')),
    responded_at  timestamptz,
    responded_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (deal_id, sequence),
    UNIQUE (id, deal_id),
    CONSTRAINT offers_responded CHECK ((status = 'open') = (responded_at IS NULL))
);
-- At most one open and one accepted offer per deal.
CREATE UNIQUE INDEX offers_open_key ON offers (deal_id) WHERE status = 'open';
CREATE UNIQUE INDEX offers_accepted_key ON offers (deal_id) WHERE status = 'accepted';
ALTER TABLE deals ADD CONSTRAINT deals_accepted_offer_fkey
    FOREIGN KEY (accepted_offer_id, id) REFERENCES offers (id, deal_id);

-- What an accepted deal delivers: one row per piece (an offer line with quantity 3 gives 3).
CREATE TABLE deliverables (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    deal_id             uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    position            integer NOT NULL CHECK (position >= 1),
    type                text NOT NULL
                        CHECK (type IN ('post', 'story', 'reel', 'video', 'short', 'livestream',
                                        'blog')),
    platform            text NOT NULL
                        CHECK (platform IN ('instagram', 'youtube', 'tiktok', 'twitch', 'x',
                                            'facebook', 'pinterest', 'linkedin', 'snapchat')),
    due_on              date NOT NULL,
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'in_review', 'changes_requested', 'approved',
                                          'live')),
    max_revisions       integer NOT NULL CHECK (max_revisions BETWEEN 0 AND 10),
    -- Rounds of "changes requested" so far; never beyond what the offer allowed.
    revisions_used      integer NOT NULL DEFAULT 0
                        CHECK (revisions_used >= 0 AND revisions_used <= max_revisions),
    approved_at         timestamptz,
    live_url            text CHECK (live_url IS NULL
                                    OR (char_length(live_url) <= 2048 AND live_url ~ '^https://')),
    live_at             timestamptz,
    -- For reminders (a later issue): when the last reminder about this deliverable went out.
    last_reminded_at    timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (deal_id, position),
    CONSTRAINT deliverables_live CHECK ((status = 'live') = (live_url IS NOT NULL AND live_at IS NOT NULL)),
    CONSTRAINT deliverables_approved CHECK (status NOT IN ('approved', 'live') OR approved_at IS NOT NULL)
);
CREATE INDEX deliverables_deal_idx ON deliverables (deal_id, position);
-- Overdue deliverables: due and not live yet.
CREATE INDEX deliverables_open_due_idx ON deliverables (due_on, deal_id) WHERE status <> 'live';
CREATE TRIGGER deliverables_updated_at BEFORE UPDATE ON deliverables
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Drafts of a deliverable, numbered from 1, each reviewed once.
CREATE TABLE deliverable_versions (
    deliverable_id uuid NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    version        integer NOT NULL CHECK (version >= 1),
    caption        text NOT NULL DEFAULT '' CHECK (char_length(caption) <= 5000),
    media_urls     text[] NOT NULL DEFAULT '{}'
                   CHECK (cardinality(media_urls) <= 20 AND array_position(media_urls, NULL) IS NULL),
    notes          text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000),
    submitted_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    submitted_at   timestamptz NOT NULL DEFAULT now(),
    decision       text CHECK (decision IN ('approved', 'approved_with_changes',
                                            'changes_requested')),
    feedback       text NOT NULL DEFAULT '' CHECK (char_length(feedback) <= 5000),
    reviewed_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at    timestamptz,
    PRIMARY KEY (deliverable_id, version),
    CONSTRAINT deliverable_versions_reviewed CHECK ((decision IS NULL) = (reviewed_at IS NULL)),
    CONSTRAINT deliverable_versions_feedback CHECK (
        decision IS NULL OR decision = 'approved' OR char_length(feedback) > 0)
);
-- Only one version of a deliverable is in review at a time.
CREATE UNIQUE INDEX deliverable_versions_in_review_key ON deliverable_versions (deliverable_id)
    WHERE decision IS NULL;

CREATE TABLE deal_messages (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq        bigserial NOT NULL UNIQUE,
    deal_id    uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    author_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deal_messages_deal_idx ON deal_messages (deal_id, seq DESC);

-- The activity timeline: append-only, one row per thing that happened to a deal.
CREATE TABLE deal_events (
    id         bigserial PRIMARY KEY,
    deal_id    uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    actor_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    kind       text NOT NULL CHECK (kind ~ '^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$'),
    data       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deal_events_deal_idx ON deal_events (deal_id, id);

CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq         bigserial NOT NULL UNIQUE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind ~ '^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$'),
    object_type text NOT NULL CHECK (object_type IN ('campaign', 'deal', 'deliverable')),
    object_id   uuid NOT NULL,
    data        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, seq DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id, seq DESC) WHERE read_at IS NULL;

-- The users on one side of a deal: the creator, or the brand's owner and staff.
CREATE FUNCTION deal_side_users(deal uuid, side text) RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
    SELECT d.influencer_id FROM deals d WHERE d.id = deal AND side = 'creator'
    UNION
    SELECT d.brand_id FROM deals d WHERE d.id = deal AND side = 'brand'
    UNION
    SELECT m.member_id FROM deals d JOIN brand_members m ON m.brand_id = d.brand_id
    WHERE d.id = deal AND side = 'brand'
$$;

-- Appends to a deal's timeline and, when `notify` names a side, notifies its users (except the
-- actor) in the same transaction.
CREATE FUNCTION record_deal_event(p_deal uuid, p_actor uuid, p_kind text, p_data jsonb,
                                  p_notify text, p_object_type text, p_object_id uuid)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deal_events (deal_id, actor_id, kind, data)
    VALUES (p_deal, p_actor, p_kind, p_data);
    IF p_notify IS NOT NULL THEN
        INSERT INTO notifications (user_id, kind, object_type, object_id, data)
        SELECT s.u, p_kind, p_object_type, p_object_id,
               p_data || jsonb_build_object('dealId', p_deal, 'campaignId', d.campaign_id,
                                            'campaignName', c.name)
        FROM deal_side_users(p_deal, p_notify) AS s(u)
        JOIN deals d ON d.id = p_deal
        JOIN campaigns c ON c.id = d.campaign_id
        WHERE s.u IS DISTINCT FROM p_actor;
    END IF;
END;
$$;

-- JSON shapes of the API (see 0003 for api_time).
CREATE FUNCTION api_date(d date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_char(d, 'YYYY-MM-DD')
$$;

CREATE FUNCTION api_campaign_json(c campaigns, progress boolean) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', c.id, 'brandId', c.brand_id,
        'brandName', (SELECT b.company_name FROM brand_details b WHERE b.user_id = c.brand_id),
        'name', c.name, 'brief', c.brief, 'objective', c.objective,
        'platforms', to_jsonb(c.platforms), 'deliverableTypes', to_jsonb(c.deliverable_types),
        'targeting', jsonb_build_object(
            'niches', to_jsonb(c.target_niches), 'countries', to_jsonb(c.target_countries),
            'languages', to_jsonb(c.target_languages), 'minFollowers', c.min_followers,
            'maxFollowers', c.max_followers, 'minEngagementRate', c.min_engagement_rate),
        'budgetMinor', c.budget_minor, 'currency', c.currency,
        'startDate', api_date(c.starts_on), 'endDate', api_date(c.ends_on),
        'applicationDeadline', api_time(c.application_deadline),
        'visibility', c.visibility, 'usageRights', c.usage_rights, 'status', c.status,
        'launchedAt', api_time(c.launched_at), 'closedAt', api_time(c.closed_at),
        'createdAt', api_time(c.created_at), 'updatedAt', api_time(c.updated_at))
        || CASE WHEN progress THEN jsonb_build_object('progress', jsonb_build_object(
            'deals', (SELECT coalesce(jsonb_object_agg(s.state, s.n), '{}')
                      FROM (SELECT d.state, count(*) AS n FROM deals d
                            WHERE d.campaign_id = c.id GROUP BY d.state) s),
            'deliverablesLive', (SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id
                                 WHERE d.campaign_id = c.id AND dl.status = 'live'
                                   AND d.state IN ('accepted', 'in_progress', 'completed')),
            'deliverablesTotal', (SELECT count(*) FROM deliverables dl JOIN deals d ON d.id = dl.deal_id
                                  WHERE d.campaign_id = c.id
                                    AND d.state IN ('accepted', 'in_progress', 'completed'))))
           ELSE '{}'::jsonb END
$$;

CREATE FUNCTION api_offer_json(o offers) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', o.id, 'dealId', o.deal_id, 'sequence', o.sequence, 'madeBy', o.made_by,
        'authorId', o.author_id, 'deliverables', o.deliverables, 'feeMinor', o.fee_minor,
        'currency', o.currency, 'usageRights', o.usage_rights, 'maxRevisions', o.max_revisions,
        'note', o.note, 'status', o.status, 'respondedAt', api_time(o.responded_at),
        'createdAt', api_time(o.created_at))
$$;

CREATE FUNCTION api_deliverable_json(dl deliverables) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', dl.id, 'dealId', dl.deal_id, 'position', dl.position, 'type', dl.type,
        'platform', dl.platform, 'dueDate', api_date(dl.due_on), 'status', dl.status,
        'overdue', dl.status <> 'live' AND dl.due_on < (now() AT TIME ZONE 'UTC')::date,
        'maxRevisions', dl.max_revisions, 'revisionsUsed', dl.revisions_used,
        'approvedAt', api_time(dl.approved_at), 'liveUrl', dl.live_url,
        'liveAt', api_time(dl.live_at),
        'latestVersion', (SELECT max(v.version) FROM deliverable_versions v
                          WHERE v.deliverable_id = dl.id))
$$;

CREATE FUNCTION api_version_json(v deliverable_versions) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'deliverableId', v.deliverable_id, 'version', v.version, 'caption', v.caption,
        'mediaUrls', to_jsonb(v.media_urls), 'notes', v.notes, 'submittedBy', v.submitted_by,
        'submittedAt', api_time(v.submitted_at), 'decision', v.decision,
        'feedback', v.feedback, 'reviewedBy', v.reviewed_by,
        'reviewedAt', api_time(v.reviewed_at))
$$;

-- A deal in lists: parties, state, the latest offer and whether anything is overdue.
CREATE FUNCTION api_deal_json(d deals) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', d.id, 'campaignId', d.campaign_id,
        'campaignName', (SELECT c.name FROM campaigns c WHERE c.id = d.campaign_id),
        'brandId', d.brand_id,
        'brandName', (SELECT b.company_name FROM brand_details b WHERE b.user_id = d.brand_id),
        'influencerId', d.influencer_id,
        'influencerName', (SELECT i.display_name FROM influencer_details i
                           WHERE i.user_id = d.influencer_id),
        'origin', d.origin, 'state', d.state,
        'latestOffer', (SELECT api_offer_json(o) FROM offers o WHERE o.deal_id = d.id
                        ORDER BY o.sequence DESC LIMIT 1),
        'overdue', EXISTS (SELECT 1 FROM deliverables dl WHERE dl.deal_id = d.id
                           AND dl.status <> 'live'
                           AND dl.due_on < (now() AT TIME ZONE 'UTC')::date),
        'brandAcceptedAt', api_time(d.brand_accepted_at),
        'creatorAcceptedAt', api_time(d.creator_accepted_at),
        'startedAt', api_time(d.started_at), 'completedAt', api_time(d.completed_at),
        'closedAt', api_time(d.closed_at),
        'createdAt', api_time(d.created_at), 'updatedAt', api_time(d.updated_at))
$$;

-- One deal in full: the list shape plus terms, offer history and deliverables.
CREATE FUNCTION api_deal_detail_json(d deals) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT api_deal_json(d) || jsonb_build_object(
        'terms', d.terms, 'acceptedOfferId', d.accepted_offer_id,
        'offers', coalesce((SELECT jsonb_agg(api_offer_json(o) ORDER BY o.sequence)
                            FROM offers o WHERE o.deal_id = d.id), '[]'),
        'deliverables', coalesce((SELECT jsonb_agg(api_deliverable_json(dl) ORDER BY dl.position)
                                  FROM deliverables dl WHERE dl.deal_id = d.id), '[]'))
$$;

CREATE FUNCTION api_message_json(m deal_messages) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', m.id, 'dealId', m.deal_id, 'authorId', m.author_id,
        'authorName', (SELECT u.display_name FROM users u WHERE u.id = m.author_id),
        'body', m.body, 'createdAt', api_time(m.created_at))
$$;

CREATE FUNCTION api_event_json(e deal_events) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', e.id, 'dealId', e.deal_id, 'actorId', e.actor_id, 'kind', e.kind, 'data', e.data,
        'at', api_time(e.created_at))
$$;

CREATE FUNCTION api_notification_json(n notifications) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jsonb_build_object(
        'id', n.id, 'kind', n.kind, 'objectType', n.object_type, 'objectId', n.object_id,
        'data', n.data, 'read', n.read_at IS NOT NULL, 'readAt', api_time(n.read_at),
        'createdAt', api_time(n.created_at))
$$;
