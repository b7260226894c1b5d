-- select_delivery_method_services: the ERP's delivery methods and the Ongoing transporter
-- service each needs (`wmsbridge check` compares them with GetTransporterContracts; R5).
-- No parameters. Columns: code, carrier_code, carrier_service_code (as text, '' when NULL).
SELECT COALESCE(code, CAST(delivery_method_id AS VARCHAR(20))),
       COALESCE(carrier_code, ''),
       COALESCE(carrier_service_code, '')
FROM delivery_method
ORDER BY 1
