/**
 * Validation messages by key. Request schemas carry a key as their zod message; the API turns
 * it into text in the caller's language (Spanish unless `Accept-Language` prefers English)
 * and the web page shows the very same text next to the field, so the agent sees what the
 * API would say.
 */
export const validationMessages = {
  es: {
    required: 'Este dato es obligatorio.',
    invalid: 'El valor no es válido.',
    customer_number: 'El número de cliente solo lleva letras, dígitos y guiones (hasta 20).',
    invoice_number: 'El número de factura no es válido (hasta 40 caracteres).',
    description_length: 'Describa el problema con detalle: entre 10 y 5,000 caracteres.',
    location_required: 'Para una falla, indique la ubicación exacta.',
    location_text: 'La ubicación debe tener entre 3 y 500 caracteres.',
    latitude: 'La latitud debe estar entre -90 y 90.',
    longitude: 'La longitud debe estar entre -180 y 180.',
    channel: 'Elija el canal: oficina, teléfono o web.',
    type: 'Elija el tipo de reporte.',
    name: 'El nombre debe tener entre 1 y 200 caracteres.',
    phone: 'El teléfono debe tener entre 7 y 15 dígitos.',
    email: 'El correo electrónico no es válido.',
    billing_cycle_day: 'El día de facturación debe ser de 1 a 28.',
    date: 'La fecha debe tener el formato AAAA-MM-DD.',
    postal_code: 'El código postal tiene 5 dígitos.',
    address_part: 'Este dato de la dirección debe tener entre 1 y 200 caracteres.',
    username: 'Escriba su usuario.',
    password: 'Escriba su contraseña.',
    query: 'Escriba entre 1 y 100 caracteres para buscar.',
    unknown_field: 'Este campo no se reconoce.',
    track: 'Elija la vía: inmediata, revisión, técnica o externa.',
    department: 'Elija un departamento existente.',
    external_days: 'Para una falla ajena, prometa de 1 a 7 días.',
    external_cause: 'Indique la causa: responsabilidad del cliente, desastre natural o siniestro.',
    external_only: 'Solo aplica a fallas ajenas (vía externa).',
    urgent_only: 'Solo aplica a la vía técnica.',
    reason: 'Explique el motivo (de 3 a 1,000 caracteres).',
    resolution: 'Describa qué se hizo para resolverlo.',
    status: 'Estado no válido.',
    holiday_name: 'El nombre del día inhábil debe tener entre 1 y 100 caracteres.',
    time: 'La hora debe tener el formato HH:MM.',
    billing_period_months: 'El periodo de facturación es de 1 o 2 meses.',
    username_format: 'El usuario lleva de 2 a 40 minúsculas, dígitos, puntos o guiones.',
    role: 'Elija al menos un rol válido: agent, backoffice, technician, supervisor, admin.',
    scope: 'Elija al menos un permiso válido para el token.',
  },
  en: {
    required: 'This is required.',
    invalid: 'The value is not valid.',
    customer_number: 'A customer number has only letters, digits and dashes (up to 20).',
    invoice_number: 'The invoice number is not valid (up to 40 characters).',
    description_length: 'Describe the problem in detail: 10 to 5,000 characters.',
    location_required: 'For a fault, give the exact location.',
    location_text: 'The location must be 3 to 500 characters.',
    latitude: 'Latitude must be between -90 and 90.',
    longitude: 'Longitude must be between -180 and 180.',
    channel: 'Choose the channel: office, phone or web.',
    type: 'Choose the report type.',
    name: 'The name must be 1 to 200 characters.',
    phone: 'The phone must have 7 to 15 digits.',
    email: 'The e-mail address is not valid.',
    billing_cycle_day: 'The billing day must be 1 to 28.',
    date: 'The date must look like YYYY-MM-DD.',
    postal_code: 'The postal code has 5 digits.',
    address_part: 'This part of the address must be 1 to 200 characters.',
    username: 'Enter your username.',
    password: 'Enter your password.',
    query: 'Type 1 to 100 characters to search.',
    unknown_field: 'This field is not recognised.',
    track: 'Choose the track: immediate, review, technical or external.',
    department: 'Choose an existing department.',
    external_days: 'For an external fault, promise 1 to 7 days.',
    external_cause: 'Give the cause: customer responsibility, natural disaster or third-party incident.',
    external_only: 'Only for faults outside the company’s control (external track).',
    urgent_only: 'Only for the technical track.',
    reason: 'Give the reason (3 to 1,000 characters).',
    resolution: 'Describe what was done to resolve it.',
    status: 'Not a valid status.',
    holiday_name: 'A holiday name has 1 to 100 characters.',
    time: 'The time must look like HH:MM.',
    billing_period_months: 'A billing period is 1 or 2 months.',
    username_format: 'A username has 2 to 40 lowercase letters, digits, dots or dashes.',
    role: 'Choose at least one valid role: agent, backoffice, technician, supervisor, admin.',
    scope: 'Choose at least one valid scope for the token.',
  },
} as const;

export type ValidationMessageKey = keyof (typeof validationMessages)['es'];
export type Language = keyof typeof validationMessages;

export function validationMessage(key: string, language: Language = 'es'): string {
  const catalog = validationMessages[language] as Record<string, string>;
  return catalog[key] ?? catalog.invalid ?? key;
}
