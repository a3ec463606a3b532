CREATE INDEX things_by_name ON things (name);
CREATE TABLE parts (
    id        bigint  NOT NULL PRIMARY KEY,
    thing_id  bigint  NOT NULL
);
