-- Reference ERP schema (SQLite), the contract of ERP-SCHEMA.md (shared project material).
-- Types: INTEGER, TEXT, NUMERIC for decimals, TEXT 'YYYY-MM-DD' for dates and
-- 'YYYY-MM-DD HH:MM:SS' for timestamps, INTEGER 0/1 for booleans.
-- Ids are assigned by the ERP (scripts give them explicitly); order, purchase order and
-- internal order ids are never reused, their visible numbers are.
-- Format: every statement ends with ';' at the end of a line; comments only on their own lines.

-- Master data

CREATE TABLE IF NOT EXISTS warehouse (
  warehouse_id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT,
  address TEXT,
  postcode TEXT,
  city TEXT,
  country_code TEXT
);

-- article_type: STOCK or SERVICE (service / non-plannable: freight, fees; never picked).
CREATE TABLE IF NOT EXISTS article (
  article_id INTEGER PRIMARY KEY,
  article_no TEXT NOT NULL UNIQUE,
  article_type TEXT NOT NULL,
  name TEXT,
  supplier_article_no TEXT,
  barcode TEXT,
  intrastat_no TEXT,
  weight_kg NUMERIC,
  volume_m3 NUMERIC,
  is_active INTEGER,
  updated_at TEXT
);

CREATE TABLE IF NOT EXISTS currency (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT
);

-- external_key: the name a webshop gives the method on its orders.
CREATE TABLE IF NOT EXISTS delivery_method (
  delivery_method_id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT,
  carrier_code TEXT,
  carrier_service_code TEXT,
  external_key TEXT UNIQUE
);

CREATE TABLE IF NOT EXISTS customer (
  customer_id INTEGER PRIMARY KEY,
  customer_no TEXT UNIQUE,
  name TEXT,
  address TEXT,
  address2 TEXT,
  postcode TEXT,
  city TEXT,
  country_code TEXT,
  email TEXT,
  phone TEXT
);

-- Customer orders
-- order_no is not unique: the ERP reuses the number of a deleted order.
-- status: OPEN, CANCELLED, PARTIALLY_DELIVERED, DELIVERED.

CREATE TABLE IF NOT EXISTS customer_order (
  order_id INTEGER PRIMARY KEY,
  order_no TEXT NOT NULL,
  customer_id INTEGER,
  warehouse_id INTEGER,
  order_date TEXT,
  delivery_date TEXT,
  currency_code TEXT,
  delivery_method_id INTEGER,
  delivery_method_key TEXT,
  pickup_point_code TEXT,
  pickup_point_name TEXT,
  delivery_name TEXT,
  delivery_address TEXT,
  delivery_address2 TEXT,
  delivery_postcode TEXT,
  delivery_city TEXT,
  delivery_country_code TEXT,
  delivery_email TEXT,
  delivery_phone TEXT,
  reference TEXT,
  remark TEXT,
  payment_method TEXT,
  status TEXT,
  updated_at TEXT
);

CREATE INDEX IF NOT EXISTS ix_customer_order_order_no ON customer_order (order_no);

CREATE INDEX IF NOT EXISTS ix_customer_order_updated_at ON customer_order (updated_at);

-- article_no NULL: a text line (free text, no article).
CREATE TABLE IF NOT EXISTS customer_order_line (
  order_id INTEGER NOT NULL REFERENCES customer_order (order_id),
  line_no INTEGER NOT NULL,
  article_no TEXT,
  description TEXT,
  quantity NUMERIC,
  unit_price NUMERIC,
  delivered_qty NUMERIC DEFAULT 0,
  PRIMARY KEY (order_id, line_no)
);

-- Purchase orders and internal orders; po_no and io_no are reused after a delete.
-- purchase_order.status: OPEN, PARTIALLY_RECEIVED, RECEIVED.
-- internal_order.status: OPEN, PARTIALLY_DELIVERED, DELIVERED.

CREATE TABLE IF NOT EXISTS purchase_order (
  po_id INTEGER PRIMARY KEY,
  po_no TEXT NOT NULL,
  supplier_no TEXT,
  supplier_name TEXT,
  warehouse_id INTEGER,
  order_date TEXT,
  delivery_date TEXT,
  status TEXT,
  updated_at TEXT
);

CREATE INDEX IF NOT EXISTS ix_purchase_order_po_no ON purchase_order (po_no);

CREATE INDEX IF NOT EXISTS ix_purchase_order_updated_at ON purchase_order (updated_at);

CREATE TABLE IF NOT EXISTS purchase_order_line (
  po_id INTEGER NOT NULL REFERENCES purchase_order (po_id),
  line_no INTEGER NOT NULL,
  article_no TEXT NOT NULL,
  quantity NUMERIC,
  received_qty NUMERIC DEFAULT 0,
  PRIMARY KEY (po_id, line_no)
);

CREATE TABLE IF NOT EXISTS internal_order (
  io_id INTEGER PRIMARY KEY,
  io_no TEXT NOT NULL,
  from_warehouse_id INTEGER,
  to_warehouse_id INTEGER,
  delivery_date TEXT,
  status TEXT,
  updated_at TEXT
);

CREATE INDEX IF NOT EXISTS ix_internal_order_io_no ON internal_order (io_no);

CREATE TABLE IF NOT EXISTS internal_order_line (
  io_id INTEGER NOT NULL REFERENCES internal_order (io_id),
  line_no INTEGER NOT NULL,
  article_no TEXT NOT NULL,
  quantity NUMERIC,
  delivered_qty NUMERIC DEFAULT 0,
  PRIMARY KEY (io_id, line_no)
);

-- What the warehouse reports back

CREATE TABLE IF NOT EXISTS stock_balance (
  article_no TEXT NOT NULL,
  warehouse_id INTEGER NOT NULL,
  quantity NUMERIC,
  updated_at TEXT,
  PRIMARY KEY (article_no, warehouse_id)
);

CREATE TABLE IF NOT EXISTS shipment_tracking (
  order_id INTEGER NOT NULL,
  parcel_no INTEGER NOT NULL,
  tracking_no TEXT,
  tracking_url TEXT,
  carrier_code TEXT,
  shipped_at TEXT,
  PRIMARY KEY (order_id, parcel_no)
);

CREATE TABLE IF NOT EXISTS invoice (
  invoice_id INTEGER PRIMARY KEY,
  invoice_no TEXT UNIQUE,
  order_id INTEGER,
  created_at TEXT,
  total NUMERIC,
  activate_klarna INTEGER
);

CREATE INDEX IF NOT EXISTS ix_invoice_order_id ON invoice (order_id);

CREATE TABLE IF NOT EXISTS invoice_line (
  invoice_id INTEGER NOT NULL REFERENCES invoice (invoice_id),
  line_no INTEGER NOT NULL,
  article_no TEXT,
  description TEXT,
  quantity NUMERIC,
  unit_price NUMERIC,
  PRIMARY KEY (invoice_id, line_no)
);
