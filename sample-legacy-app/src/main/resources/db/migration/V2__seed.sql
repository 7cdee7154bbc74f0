-- Seed data. Order 9007199254740993 (2^53 + 1) cannot be represented by a JavaScript number or a
-- double: clients that parse ids as doubles read 9007199254740992.
INSERT INTO users (id, display_name, email, phone, street, city, postal_code, country, created_at) VALUES
    (1, 'Ada Lovelace',    'ada@example.com',   '+44 20 7946 0001', '12 St James''s Square', 'London', 'SW1Y 4JH', 'GB', TIMESTAMP WITH TIME ZONE '2019-03-01 09:00:00+00:00'),
    (2, 'Grace Hopper',    'grace@example.com', NULL,               '1 Navy Yard',           'Arlington', '22202', 'US', TIMESTAMP WITH TIME ZONE '2019-06-15 14:30:00-04:00'),
    (3, 'Konrad Zuse',     NULL,                NULL,               'Methfesselstr. 7',      'Berlin', '10965', 'DE', TIMESTAMP WITH TIME ZONE '2020-01-10 08:15:00+01:00'),
    (4, 'Alan Turing',     'alan@example.com',  NULL,               NULL,                    NULL,     NULL,    NULL, TIMESTAMP WITH TIME ZONE '2020-07-23 11:45:00+01:00'),
    (5, 'Barbara Liskov',  'barbara@example.com', '+1 617 555 0100', '77 Massachusetts Ave', 'Cambridge', '02139', 'US', TIMESTAMP WITH TIME ZONE '2021-02-02 16:20:00-05:00');

INSERT INTO user_roles (user_id, role) VALUES
    (1, 'customer'), (1, 'beta-tester'), (2, 'customer'), (2, 'admin'), (3, 'customer'),
    (4, 'customer'), (5, 'customer'), (5, 'support');

INSERT INTO user_attributes (user_id, attr_name, attr_value) VALUES
    (1, 'locale', 'en-GB'), (1, 'newsletter', 'weekly'), (2, 'locale', 'en-US'), (3, 'locale', 'de-DE'),
    (5, 'locale', 'en-US'), (5, 'team', 'platform');

INSERT INTO orders (id, user_id, status, currency, amount_cents, delivery_date, note, idempotency_key, created_at, updated_at, version) VALUES
    (1001, 1, 'PENDING',     'GBP', 4599,   DATE '2024-03-20', 'Leave at the door', NULL, TIMESTAMP WITH TIME ZONE '2024-03-14 09:26:53+00:00', TIMESTAMP WITH TIME ZONE '2024-03-14 09:26:53+00:00', 1),
    (1002, 1, 'IN_PROGRESS', 'GBP', 12000,  DATE '2024-03-25', NULL,                NULL, TIMESTAMP WITH TIME ZONE '2024-03-15 10:00:00+00:00', TIMESTAMP WITH TIME ZONE '2024-03-16 08:00:00+00:00', 2),
    (1003, 2, 'SHIPPED',     'USD', 250000, DATE '2024-04-02', 'Gift wrap',         NULL, TIMESTAMP WITH TIME ZONE '2024-03-20 18:45:10-04:00', TIMESTAMP WITH TIME ZONE '2024-03-22 09:00:00-04:00', 3),
    (1004, 2, 'PENDING',     'USD', 999,    NULL,              NULL,                NULL, TIMESTAMP WITH TIME ZONE '2024-04-01 12:00:00-04:00', TIMESTAMP WITH TIME ZONE '2024-04-01 12:00:00-04:00', 1),
    (1005, 3, 'IN_PROGRESS', 'EUR', 7450,   DATE '2024-04-18', NULL,                NULL, TIMESTAMP WITH TIME ZONE '2024-04-10 07:30:00+02:00', TIMESTAMP WITH TIME ZONE '2024-04-11 07:30:00+02:00', 2),
    (1006, 3, 'SHIPPED',     'EUR', 1999,   DATE '2024-04-20', 'Fragile',           NULL, TIMESTAMP WITH TIME ZONE '2024-04-12 21:05:00+02:00', TIMESTAMP WITH TIME ZONE '2024-04-15 10:00:00+02:00', 3),
    (1007, 5, 'PENDING',     'USD', 30500,  DATE '2024-05-03', NULL,                NULL, TIMESTAMP WITH TIME ZONE '2024-04-28 15:10:00-05:00', TIMESTAMP WITH TIME ZONE '2024-04-28 15:10:00-05:00', 1),
    (1008, 5, 'SHIPPED',     'USD', 5000,   DATE '2024-05-10', NULL,                NULL, TIMESTAMP WITH TIME ZONE '2024-05-01 09:00:00-05:00', TIMESTAMP WITH TIME ZONE '2024-05-04 09:00:00-05:00', 3),
    (1009, 1, 'PENDING',     'GBP', 800,    NULL,              NULL,                NULL, TIMESTAMP WITH TIME ZONE '2024-05-20 11:11:11+01:00', TIMESTAMP WITH TIME ZONE '2024-05-20 11:11:11+01:00', 1),
    (1010, 4, 'PENDING',     'GBP', 15000,  DATE '2024-06-01', 'Invoice needed',    NULL, TIMESTAMP WITH TIME ZONE '2024-05-25 13:00:00+01:00', TIMESTAMP WITH TIME ZONE '2024-05-25 13:00:00+01:00', 1),
    (9007199254740993, 2, 'IN_PROGRESS', 'USD', 9007199254740993, DATE '2024-06-30', 'Imported from the old ERP: id and amount above 2^53', NULL, TIMESTAMP WITH TIME ZONE '2024-06-01 00:00:00+05:30', TIMESTAMP WITH TIME ZONE '2024-06-02 00:00:00+05:30', 2);

INSERT INTO order_items (order_id, line_no, sku, quantity) VALUES
    (1001, 0, 'BOOK-ANALYTICAL-ENGINE', 1), (1001, 1, 'PEN-FOUNTAIN', 2),
    (1002, 0, 'LAPTOP-14', 1),
    (1003, 0, 'SERVER-RACK-2U', 1), (1003, 1, 'CABLE-CAT6', 12),
    (1004, 0, 'STICKER-COBOL', 3),
    (1005, 0, 'RELAY-Z3', 40),
    (1006, 0, 'PUNCHED-TAPE', 5),
    (1007, 0, 'BOOK-ABSTRACTION', 2), (1007, 1, 'DESK-LAMP', 1),
    (1008, 0, 'MUG-CLU', 4),
    (1009, 0, 'STAMP-FIRST-CLASS', 10),
    (1010, 0, 'ENIGMA-ROTOR', 3),
    (9007199254740993, 0, 'MAINFRAME-PART', 1);
