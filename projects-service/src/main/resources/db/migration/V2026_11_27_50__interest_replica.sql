-- The shareholders' interests as partners-service reports them, to narrow the quick-win list.
CREATE TABLE interest_replica (
    shareholder varchar(40) PRIMARY KEY,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE interest_replica_theme (
    shareholder varchar(40)  NOT NULL REFERENCES interest_replica (shareholder) ON DELETE CASCADE,
    theme_key   varchar(200) NOT NULL,
    PRIMARY KEY (shareholder, theme_key)
);

CREATE TABLE interest_replica_country (
    shareholder varchar(40) NOT NULL REFERENCES interest_replica (shareholder) ON DELETE CASCADE,
    country     varchar(2)  NOT NULL,
    PRIMARY KEY (shareholder, country)
);

CREATE TABLE interest_replica_region (
    shareholder varchar(40) NOT NULL REFERENCES interest_replica (shareholder) ON DELETE CASCADE,
    region_id   uuid        NOT NULL,
    PRIMARY KEY (shareholder, region_id)
);
