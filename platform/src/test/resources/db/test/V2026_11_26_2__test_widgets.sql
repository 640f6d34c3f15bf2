-- Tables of the test application only: a state change (widget) and a consumed effect.
CREATE TABLE widget (
    id      uuid         PRIMARY KEY,
    name    varchar(50)  NOT NULL,
    count   integer      NOT NULL,
    version bigint       NOT NULL
);

CREATE TABLE widget_effect (
    name    varchar(255) PRIMARY KEY,
    applied integer      NOT NULL
);
