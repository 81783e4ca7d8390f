-- Strengths and services, counted: a reflection that connected someone to a service says which
-- kind, and (often later) whether the link held; the strengths noticed can carry a few short
-- words the worker reuses. Both are choices or short labels, counted in Trends and summaries.
ALTER TABLE entries ADD COLUMN service_kind TEXT
    CHECK (service_kind IS NULL OR (kind = 'reflection' AND service_kind IN ('housing', 'benefits', 'clinical_care', 'peer_or_community_group', 'work_or_study', 'other')));
ALTER TABLE entries ADD COLUMN service_held TEXT
    CHECK (service_held IS NULL OR (kind = 'reflection' AND service_held IN ('held', 'did_not_hold', 'not_yet_known')));
ALTER TABLE entries ADD COLUMN strength_words TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(strength_words) AND json_type(strength_words) = 'array' AND (kind = 'reflection' OR strength_words = '[]'));
