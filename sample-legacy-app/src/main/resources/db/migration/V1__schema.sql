-- Portable between H2 (default) and PostgreSQL.
CREATE TABLE users (
    id           BIGINT PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    email        VARCHAR(255),
    phone        VARCHAR(50),
    street       VARCHAR(200),
    city         VARCHAR(100),
    postal_code  VARCHAR(20),
    country      VARCHAR(2),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_roles (
    user_id BIGINT      NOT NULL REFERENCES users (id),
    role    VARCHAR(50) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_attributes (
    user_id    BIGINT       NOT NULL REFERENCES users (id),
    attr_name  VARCHAR(100) NOT NULL,
    attr_value VARCHAR(500) NOT NULL,
    PRIMARY KEY (user_id, attr_name)
);

CREATE SEQUENCE order_id_seq START WITH 2001 INCREMENT BY 1;

CREATE TABLE orders (
    id              BIGINT PRIMARY KEY,
    user_id         BIGINT       NOT NULL REFERENCES users (id),
    status          VARCHAR(20)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    amount_cents    BIGINT       NOT NULL,
    delivery_date   DATE,
    note            VARCHAR(500),
    idempotency_key VARCHAR(100) UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER      NOT NULL
);

CREATE INDEX orders_user_id ON orders (user_id);

CREATE TABLE order_items (
    order_id BIGINT      NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no  INTEGER     NOT NULL,
    sku      VARCHAR(40) NOT NULL,
    quantity INTEGER     NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE SEQUENCE attachment_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE attachments (
    id           BIGINT PRIMARY KEY,
    order_id     BIGINT       NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    filename     VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    description  VARCHAR(500),
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE payments (
    id             VARCHAR(40) PRIMARY KEY,
    order_id       BIGINT      NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    method         VARCHAR(20) NOT NULL,
    state          VARCHAR(20) NOT NULL,
    currency       VARCHAR(3)  NOT NULL,
    amount_cents   BIGINT      NOT NULL,
    card_last4     VARCHAR(4),
    iban_last4     VARCHAR(4),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
