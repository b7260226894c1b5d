-- Reference ERP schema (PostgreSQL 15), the contract of ERP-SCHEMA.md (shared project material).
-- Types: integer, text, numeric(p,s), date, timestamp (without time zone), boolean,
-- varchar(2) / varchar(3) for country and currency codes.
-- Ids are assigned by the ERP (scripts give them explicitly); order, purchase order and
-- internal order ids are never reused, their visible numbers are.
-- Format: every statement ends with ';' at the end of a line; comments only on their own lines.

-- Master data

CREATE TABLE IF NOT EXISTS warehouse (
  warehouse_id integer PRIMARY KEY,
  code text UNIQUE,
  name text,
  address text,
  postcode text,
  city text,
  country_code varchar(2)
);

-- article_type: STOCK or SERVICE (service / non-plannable: freight, fees; never picked).
CREATE TABLE IF NOT EXISTS article (
  article_id integer PRIMARY KEY,
  article_no text NOT NULL UNIQUE,
  article_type text NOT NULL,
  name text,
  supplier_article_no text,
  barcode text,
  intrastat_no text,
  weight_kg numeric(12,3),
  volume_m3 numeric(12,6),
  is_active boolean,
  updated_at timestamp
);

CREATE TABLE IF NOT EXISTS currency (
  code varchar(3) PRIMARY KEY,
  name text
);

-- external_key: the name a webshop gives the method on its orders.
CREATE TABLE IF NOT EXISTS delivery_method (
  delivery_method_id integer PRIMARY KEY,
  code text UNIQUE,
  name text,
  carrier_code text,
  carrier_service_code text,
  external_key text UNIQUE
);

CREATE TABLE IF NOT EXISTS customer (
  customer_id integer PRIMARY KEY,
  customer_no text UNIQUE,
  name text,
  address text,
  address2 text,
  postcode text,
  city text,
  country_code varchar(2),
  email text,
  phone text
);

-- Customer orders
-- order_no is not unique: the ERP reuses the number of a deleted order.
-- status: OPEN, CANCELLED, PARTIALLY_DELIVERED, DELIVERED.

CREATE TABLE IF NOT EXISTS customer_order (
  order_id integer PRIMARY KEY,
  order_no text NOT NULL,
  customer_id integer,
  warehouse_id integer,
  order_date date,
  delivery_date date,
  currency_code varchar(3),
  delivery_method_id integer,
  delivery_method_key text,
  pickup_point_code text,
  pickup_point_name text,
  delivery_name text,
  delivery_address text,
  delivery_address2 text,
  delivery_postcode text,
  delivery_city text,
  delivery_country_code varchar(2),
  delivery_email text,
  delivery_phone text,
  reference text,
  remark text,
  payment_method text,
  status text,
  updated_at timestamp
);

CREATE INDEX IF NOT EXISTS ix_customer_order_order_no ON customer_order (order_no);

CREATE INDEX IF NOT EXISTS ix_customer_order_updated_at ON customer_order (updated_at);

-- article_no NULL: a text line (free text, no article).
CREATE TABLE IF NOT EXISTS customer_order_line (
  order_id integer NOT NULL REFERENCES customer_order (order_id),
  line_no integer NOT NULL,
  article_no text,
  description text,
  quantity numeric(12,3),
  unit_price numeric(12,2),
  delivered_qty numeric(12,3) DEFAULT 0,
  PRIMARY KEY (order_id, line_no)
);

-- Purchase orders and internal orders; po_no and io_no are reused after a delete.
-- purchase_order.status: OPEN, PARTIALLY_RECEIVED, RECEIVED.
-- internal_order.status: OPEN, PARTIALLY_DELIVERED, DELIVERED.

CREATE TABLE IF NOT EXISTS purchase_order (
  po_id integer PRIMARY KEY,
  po_no text NOT NULL,
  supplier_no text,
  supplier_name text,
  warehouse_id integer,
  order_date date,
  delivery_date date,
  status text,
  updated_at timestamp
);

CREATE INDEX IF NOT EXISTS ix_purchase_order_po_no ON purchase_order (po_no);

CREATE INDEX IF NOT EXISTS ix_purchase_order_updated_at ON purchase_order (updated_at);

CREATE TABLE IF NOT EXISTS purchase_order_line (
  po_id integer NOT NULL REFERENCES purchase_order (po_id),
  line_no integer NOT NULL,
  article_no text NOT NULL,
  quantity numeric(12,3),
  received_qty numeric(12,3) DEFAULT 0,
  PRIMARY KEY (po_id, line_no)
);

CREATE TABLE IF NOT EXISTS internal_order (
  io_id integer PRIMARY KEY,
  io_no text NOT NULL,
  from_warehouse_id integer,
  to_warehouse_id integer,
  delivery_date date,
  status text,
  updated_at timestamp
);

CREATE INDEX IF NOT EXISTS ix_internal_order_io_no ON internal_order (io_no);

CREATE TABLE IF NOT EXISTS internal_order_line (
  io_id integer NOT NULL REFERENCES internal_order (io_id),
  line_no integer NOT NULL,
  article_no text NOT NULL,
  quantity numeric(12,3),
  delivered_qty numeric(12,3) DEFAULT 0,
  PRIMARY KEY (io_id, line_no)
);

-- What the warehouse reports back

CREATE TABLE IF NOT EXISTS stock_balance (
  article_no text NOT NULL,
  warehouse_id integer NOT NULL,
  quantity numeric(12,3),
  updated_at timestamp,
  PRIMARY KEY (article_no, warehouse_id)
);

CREATE TABLE IF NOT EXISTS shipment_tracking (
  order_id integer NOT NULL,
  parcel_no integer NOT NULL,
  tracking_no text,
  tracking_url text,
  carrier_code text,
  shipped_at timestamp,
  PRIMARY KEY (order_id, parcel_no)
);

CREATE TABLE IF NOT EXISTS invoice (
  invoice_id integer PRIMARY KEY,
  invoice_no text UNIQUE,
  order_id integer,
  created_at timestamp,
  total numeric(12,2),
  activate_klarna boolean
);

CREATE INDEX IF NOT EXISTS ix_invoice_order_id ON invoice (order_id);

CREATE TABLE IF NOT EXISTS invoice_line (
  invoice_id integer NOT NULL REFERENCES invoice (invoice_id),
  line_no integer NOT NULL,
  article_no text,
  description text,
  quantity numeric(12,3),
  unit_price numeric(12,2),
  PRIMARY KEY (invoice_id, line_no)
);
