-- Demo data for the reference ERP schema; runs unchanged on SQLite and PostgreSQL.
-- Load after sql/<dialect>/erp_schema.sql into an empty database. Ids are explicit.
-- Nothing has been sent yet: no stock_balance, shipment_tracking or invoice rows.
-- Format: every statement ends with ';' at the end of a line; no ';' inside strings.

INSERT INTO warehouse (warehouse_id, code, name, address, postcode, city, country_code) VALUES
(1, 'MAIN', 'Centrallager Göteborg', 'Exportgatan 28', '422 46', 'Göteborg', 'SE'),
(2, 'NORTH', 'Lager Norr Umeå', 'Förrådsvägen 6', '906 20', 'Umeå', 'SE');

INSERT INTO currency (code, name) VALUES
('SEK', 'Svensk krona'),
('EUR', 'Euro'),
('NOK', 'Norsk krone'),
('USD', 'US-dollar');

-- PICKUP has no carrier: orders using it cannot be matched to an Ongoing transporter (R5).
INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, carrier_service_code, external_key) VALUES
(1, 'PN-MYPACK', 'PostNord MyPack Collect (ombud)', 'POSTNORD', 'MYPACK', 'postnord_mypack_collect'),
(2, 'DHL-PARCEL', 'DHL Parcel företagspaket', 'DHL', 'PARCEL', 'dhl_parcel'),
(3, 'PN-HOME', 'PostNord Hemleverans', 'POSTNORD', 'HOME', 'postnord_home'),
(4, 'PICKUP', 'Hämtas i butik', NULL, NULL, 'store_pickup');

INSERT INTO customer (customer_id, customer_no, name, address, address2, postcode, city, country_code, email, phone) VALUES
(1, '10001', 'Lindqvist Trädgård AB', 'Storgatan 14', NULL, '411 38', 'Göteborg', 'SE', 'inkop@lindqvisttradgard.se', '031-712 45 60'),
(2, '10002', 'Åsa Öberg', 'Ängsvägen 3', 'Lgh 1102', '752 36', 'Uppsala', 'SE', 'asa.oberg@example.se', '070-123 45 67'),
(3, '10003', 'Björk & Söner Bygg AB', 'Industrivägen 9', NULL, '901 37', 'Umeå', 'SE', 'order@bjorksoner.se', '090-13 57 90'),
(4, '10004', 'Maja Åkesson', 'Köpmangatan 21', NULL, '111 31', 'Stockholm', 'SE', 'maja.akesson@example.se', '073-987 65 43'),
(5, '10005', 'Nordisk Helsekost AS', 'Karl Johans gate 5', NULL, '0154', 'Oslo', 'NO', 'innkjop@nordiskhelsekost.no', '+47 22 33 44 55'),
(6, '10006', 'Pohjolan Puutarha Oy', 'Mannerheimintie 12', NULL, '00100', 'Helsinki', 'FI', 'tilaukset@pohjolanpuutarha.fi', '+358 9 123 4567');

-- Barcodes are EAN-13 with valid check digits; FRAKT and AVGIFT are service articles.
INSERT INTO article (article_id, article_no, article_type, name, supplier_article_no, barcode, intrastat_no, weight_kg, volume_m3, is_active, updated_at) VALUES
(1, 'TR-1001', 'STOCK', 'Sekatör Classic', 'SKV-P121', '7350012340018', '82015000', 0.210, 0.000650, TRUE, '2026-11-02 08:15:00'),
(2, 'TR-1002', 'STOCK', 'Grensax 70 cm', 'SKV-L70', '7350012340025', '82015000', 1.150, 0.004200, TRUE, '2026-11-02 08:15:00'),
(3, 'TR-1003', 'STOCK', 'Spade rostfri', 'SKV-S300', '7350012340032', '82011000', 1.800, 0.012500, TRUE, '2026-11-02 08:15:00'),
(4, 'TR-1004', 'STOCK', 'Kratta 14 pinnar', 'SKV-K14', '7350012340049', '82019000', 0.950, 0.009800, TRUE, '2026-11-02 08:15:00'),
(5, 'TR-1005', 'STOCK', 'Trädgårdshandskar stl 9', 'GL-209', '7350012340056', '61169200', 0.080, 0.000900, TRUE, '2026-11-03 10:40:00'),
(6, 'TR-1006', 'STOCK', 'Vattenslang 20 m', 'HS-20', '7350012340063', '39173900', 2.400, 0.018000, TRUE, '2026-11-03 10:40:00'),
(7, 'TR-1007', 'STOCK', 'Slangvagn med 30 m slang', 'HS-V30', '7350012340070', '73269098', 4.500, 0.060000, TRUE, '2026-11-03 10:40:00'),
(8, 'TR-1008', 'STOCK', 'Spridarmunstycke 5 lägen', 'HS-M5', '7350012340087', '84242000', 0.150, 0.000500, TRUE, '2026-11-03 10:40:00'),
(9, 'KR-2001', 'STOCK', 'Planteringsjord 40 l', 'JO-40', '7350012340094', '27030000', 18.000, 0.045000, TRUE, '2026-11-04 07:55:00'),
(10, 'KR-2002', 'STOCK', 'Gräsfrö Sport 1 kg', 'FR-S1', '7350012340100', '12092980', 1.020, 0.002400, TRUE, '2026-11-04 07:55:00'),
(11, 'KR-2003', 'STOCK', 'Tulpanlökar mix 20 st', 'BL-T20', '7350012340117', '06011040', 0.520, 0.001800, TRUE, '2026-11-04 07:55:00'),
(12, 'KR-2004', 'STOCK', 'Gödsel NPK 11-5-18 2,5 kg', 'GD-25', '7350012340124', '31052010', 2.550, 0.003600, TRUE, '2026-11-04 07:55:00'),
(13, 'KR-2005', 'STOCK', 'Barkmull 50 l', 'JO-B50', '7350012340131', '14049000', 14.500, 0.055000, TRUE, '2026-11-04 07:55:00'),
(14, 'MB-3001', 'STOCK', 'Trädgårdsstol ek', 'MO-E1', '7350012340148', '94016900', 6.800, 0.210000, TRUE, '2026-11-05 13:20:00'),
(15, 'MB-3002', 'STOCK', 'Trädgårdsbord ek 120 cm', 'MO-E120', '7350012340155', '94036010', 21.500, 0.380000, TRUE, '2026-11-05 13:20:00'),
(16, 'MB-3003', 'STOCK', 'Sittdyna grå', 'MO-D1', '7350012340162', '94049000', 0.650, 0.024000, TRUE, '2026-11-05 13:20:00'),
(17, 'BE-4001', 'STOCK', 'Bevattningsdator', 'BV-D1', '7350012340179', '90328900', 0.420, 0.001900, TRUE, '2026-11-06 09:05:00'),
(18, 'BE-4002', 'STOCK', 'Droppslang 15 m', 'BV-DS15', '7350012340186', '39173900', 0.900, 0.006500, TRUE, '2026-11-06 09:05:00'),
(19, 'BE-4003', 'STOCK', 'Regntunna 200 l', 'BV-R200', '7350012340193', '39251000', 7.200, 0.240000, TRUE, '2026-11-06 09:05:00'),
(20, 'VK-5001', 'STOCK', 'Skottkärra 100 l', 'NM-SK100', '7350012340209', '87168000', 14.000, 0.320000, TRUE, '2026-11-09 11:30:00'),
(21, 'VK-5002', 'STOCK', 'Lövblås batteri 36 V', 'NM-LB36', '7350012340216', '84672985', 3.100, 0.018000, TRUE, '2026-11-09 11:30:00'),
(22, 'VK-5003', 'STOCK', 'Batteri 36 V 4,0 Ah', 'NM-B40', '7350012340223', '85076000', 1.050, 0.001200, TRUE, '2026-11-09 11:30:00'),
(23, 'TR-0999', 'STOCK', 'Sekatör Basic (utgått)', 'SKV-P100', '7350012340230', '82015000', 0.190, 0.000600, FALSE, '2026-11-10 16:00:00'),
(24, 'FRAKT', 'SERVICE', 'Frakt', NULL, NULL, NULL, NULL, NULL, TRUE, '2026-11-01 08:00:00'),
(25, 'AVGIFT', 'SERVICE', 'Fakturaavgift', NULL, NULL, NULL, NULL, NULL, TRUE, '2026-11-01 08:00:00');

-- Orders 1-8: 3 ships from NORTH, 2 has a pickup point, 4 names its delivery method by
-- external key only, 7 is cancelled, 8 uses PICKUP (no carrier).
INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, delivery_date, currency_code, delivery_method_id, delivery_method_key, pickup_point_code, pickup_point_name, delivery_name, delivery_address, delivery_address2, delivery_postcode, delivery_city, delivery_country_code, delivery_email, delivery_phone, reference, remark, payment_method, status, updated_at) VALUES
(1, '100501', 1, 1, '2026-11-23', '2026-11-25', 'SEK', 2, NULL, NULL, NULL, 'Lindqvist Trädgård AB', 'Storgatan 14', NULL, '411 38', 'Göteborg', 'SE', 'inkop@lindqvisttradgard.se', '031-712 45 60', 'Per Lindqvist', 'Lossning vardagar 07-16', 'INVOICE', 'OPEN', '2026-11-23 09:12:00'),
(2, '100502', 2, 1, '2026-11-23', '2026-11-24', 'SEK', 1, NULL, '2143567', 'ICA Supermarket Luthagen', 'Åsa Öberg', 'Ängsvägen 3', 'Lgh 1102', '752 36', 'Uppsala', 'SE', 'asa.oberg@example.se', '070-123 45 67', 'WEB-58213', NULL, 'KLARNA', 'OPEN', '2026-11-23 10:03:00'),
(3, '100503', 3, 2, '2026-11-24', '2026-11-27', 'SEK', 2, NULL, NULL, NULL, 'Björk & Söner Bygg AB', 'Byggarbetsplats Ersboda', 'Gräddvägen 11', '906 20', 'Umeå', 'SE', 'order@bjorksoner.se', '090-13 57 90', 'Projekt 2611 Ersboda', 'Ring arbetsledaren 30 min före leverans', 'INVOICE', 'OPEN', '2026-11-24 08:40:00'),
(4, '100504', 4, 1, '2026-11-24', '2026-11-26', 'SEK', NULL, 'postnord_home', NULL, NULL, 'Maja Åkesson', 'Köpmangatan 21', NULL, '111 31', 'Stockholm', 'SE', 'maja.akesson@example.se', '073-987 65 43', 'WEB-58240', 'Portkod 4512', 'CARD', 'OPEN', '2026-11-24 14:25:00'),
(5, '100505', 5, 1, '2026-11-25', '2026-12-01', 'NOK', 2, NULL, NULL, NULL, 'Nordisk Helsekost AS', 'Karl Johans gate 5', NULL, '0154', 'Oslo', 'NO', 'innkjop@nordiskhelsekost.no', '+47 22 33 44 55', 'PO 88412', NULL, 'INVOICE', 'OPEN', '2026-11-25 11:00:00'),
(6, '100506', 6, 1, '2026-11-26', '2026-12-02', 'EUR', 2, NULL, NULL, NULL, 'Pohjolan Puutarha Oy', 'Mannerheimintie 12', NULL, '00100', 'Helsinki', 'FI', 'tilaukset@pohjolanpuutarha.fi', '+358 9 123 4567', 'Tilaus 4471', NULL, 'INVOICE', 'OPEN', '2026-11-26 15:45:00'),
(7, '100507', 1, 1, '2026-11-27', '2026-12-03', 'SEK', 3, NULL, NULL, NULL, 'Lindqvist Trädgård AB', 'Storgatan 14', NULL, '411 38', 'Göteborg', 'SE', 'inkop@lindqvisttradgard.se', '031-712 45 60', 'Per Lindqvist', 'Makulerad av kund', 'INVOICE', 'CANCELLED', '2026-11-28 08:05:00'),
(8, '100508', 2, 1, '2026-12-01', '2026-12-04', 'SEK', 4, NULL, NULL, NULL, 'Åsa Öberg', 'Ängsvägen 3', 'Lgh 1102', '752 36', 'Uppsala', 'SE', 'asa.oberg@example.se', '070-123 45 67', 'WEB-58377', 'Hämtas av kund', 'CARD', 'OPEN', '2026-12-01 12:30:00');

-- Line 4 of order 3 and line 3 of order 6 are text lines (article_no NULL).
INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, unit_price) VALUES
(1, 1, 'TR-1001', 'Sekatör Classic', 10, 189.00),
(1, 2, 'TR-1002', 'Grensax 70 cm', 4, 449.00),
(1, 3, 'KR-2004', 'Gödsel NPK 11-5-18 2,5 kg', 6, 129.50),
(1, 4, 'FRAKT', 'Frakt DHL Parcel', 1, 149.00),
(2, 1, 'KR-2003', 'Tulpanlökar mix 20 st', 2, 99.00),
(2, 2, 'TR-1005', 'Trädgårdshandskar stl 9', 1, 79.00),
(2, 3, 'FRAKT', 'Frakt till ombud', 1, 59.00),
(3, 1, 'VK-5001', 'Skottkärra 100 l', 2, 1295.00),
(3, 2, 'VK-5002', 'Lövblås batteri 36 V', 1, 1890.00),
(3, 3, 'VK-5003', 'Batteri 36 V 4,0 Ah', 2, 1149.00),
(3, 4, NULL, 'Leveransen lämnas i bodan vid grind 2', NULL, NULL),
(3, 5, 'AVGIFT', 'Fakturaavgift', 1, 29.00),
(4, 1, 'MB-3001', 'Trädgårdsstol ek', 2, 1495.00),
(4, 2, 'MB-3003', 'Sittdyna grå', 2, 249.00),
(4, 3, 'FRAKT', 'Frakt hemleverans', 1, 299.00),
(5, 1, 'KR-2002', 'Gräsfrö Sport 1 kg', 20, 89.90),
(5, 2, 'KR-2004', 'Gödsel NPK 11-5-18 2,5 kg', 10, 139.00),
(6, 1, 'BE-4001', 'Bevattningsdator', 5, 54.90),
(6, 2, 'BE-4002', 'Droppslang 15 m', 10, 19.95),
(6, 3, NULL, 'Märk kartongerna med kundens ordernummer 4471', NULL, NULL),
(7, 1, 'TR-1006', 'Vattenslang 20 m', 3, 299.00),
(8, 1, 'TR-1003', 'Spade rostfri', 1, 399.00),
(8, 2, 'TR-1004', 'Kratta 14 pinnar', 1, 229.00);

INSERT INTO purchase_order (po_id, po_no, supplier_no, supplier_name, warehouse_id, order_date, delivery_date, status, updated_at) VALUES
(1, '5001', 'LEV-210', 'Skogstorps Verktyg AB', 1, '2026-11-20', '2026-12-02', 'OPEN', '2026-11-20 09:30:00'),
(2, '5002', 'LEV-305', 'Trädgårdsgrossisten i Skåne AB', 1, '2026-11-24', '2026-12-07', 'OPEN', '2026-11-24 13:10:00'),
(3, '5003', 'LEV-412', 'Norrlands Maskin AB', 2, '2026-11-26', '2026-12-09', 'OPEN', '2026-11-26 10:45:00');

INSERT INTO purchase_order_line (po_id, line_no, article_no, quantity) VALUES
(1, 1, 'TR-1001', 200),
(1, 2, 'TR-1002', 50),
(1, 3, 'TR-1003', 40),
(2, 1, 'KR-2001', 120),
(2, 2, 'KR-2002', 80),
(2, 3, 'KR-2004', 60),
(2, 4, 'KR-2005', 100),
(3, 1, 'VK-5001', 12),
(3, 2, 'VK-5002', 8),
(3, 3, 'VK-5003', 20);

INSERT INTO internal_order (io_id, io_no, from_warehouse_id, to_warehouse_id, delivery_date, status, updated_at) VALUES
(1, '9001', 1, 2, '2026-12-03', 'OPEN', '2026-11-30 14:00:00');

INSERT INTO internal_order_line (io_id, line_no, article_no, quantity) VALUES
(1, 1, 'TR-1001', 30),
(1, 2, 'KR-2004', 24),
(1, 3, 'BE-4003', 6);
