-- The shareholders' interests (the workshop's open question): themes and geographies each cares
-- about, used to narrow the potential analysis and the quick-win list.
CREATE TABLE shareholder_interest (
    shareholder varchar(40) PRIMARY KEY,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL
);

CREATE TABLE shareholder_interest_theme (
    shareholder varchar(40)  NOT NULL REFERENCES shareholder_interest (shareholder) ON DELETE CASCADE,
    theme       varchar(100) NOT NULL,
    PRIMARY KEY (shareholder, theme)
);

CREATE TABLE shareholder_interest_country (
    shareholder varchar(40) NOT NULL REFERENCES shareholder_interest (shareholder) ON DELETE CASCADE,
    country     char(2)     NOT NULL,
    PRIMARY KEY (shareholder, country)
);

CREATE TABLE shareholder_interest_region (
    shareholder varchar(40) NOT NULL REFERENCES shareholder_interest (shareholder) ON DELETE CASCADE,
    region_id   uuid        NOT NULL,
    PRIMARY KEY (shareholder, region_id)
);
