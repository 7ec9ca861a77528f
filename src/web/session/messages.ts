/**
 * One's own account: password change (forced or chosen), signing out everywhere, role names.
 * Merged into the app's catalogue by src/web/i18n/index.ts; Spanish (Mexico) first.
 */
export const accountEs = {
  account: {
    forcedTitle: 'Cambie su contraseña',
    forcedExplanation:
      'Un administrador le asignó una contraseña temporal. Elija una contraseña nueva, solo suya, para continuar.',
    changePassword: 'Cambiar contraseña',
    changePasswordSubmit: 'Cambiar contraseña',
    currentPassword: 'Contraseña actual',
    currentPasswordMissing: 'Escriba su contraseña actual.',
    newPassword: 'Contraseña nueva',
    newPasswordHelp:
      'Al menos {{min}} caracteres. Una frase de varias palabras es fácil de recordar y difícil de adivinar.',
    confirmNewPassword: 'Repita la contraseña nueva',
    passwordAcceptable: 'Contraseña aceptable.',
    passwordProblems: {
      too_short: 'La contraseña debe tener al menos {{min}} caracteres.',
      too_long: 'La contraseña puede tener hasta {{max}} caracteres.',
      common: 'Esa contraseña es de las más usadas; elija otra más difícil de adivinar.',
      contains_username: 'La contraseña no debe contener el nombre de usuario.',
      same_as_current: 'La nueva contraseña debe ser distinta de la actual.',
    },
    confirmation: {
      missing: 'Escriba otra vez la contraseña nueva.',
      mismatch: 'Las dos contraseñas nuevas no coinciden.',
    },
    passwordChanged: 'Su contraseña cambió. Las sesiones abiertas en otros equipos se cerraron.',
    signOutEverywhere: 'Cerrar sesión en todos los dispositivos',
    signOutEverywhereHelp:
      'Se cerrarán todas sus sesiones abiertas, en este y en cualquier otro equipo. Tendrá que volver a iniciar sesión.',
    signOutEverywhereConfirm: 'Cerrar todas las sesiones',
    cancel: 'Cancelar',
    ok: 'Aceptar',
    roles: {
      agent: 'Agente',
      backoffice: 'Back office',
      technician: 'Técnico',
      supervisor: 'Supervisor',
      admin: 'Administrador',
    },
  },
};

export type AccountMessages = typeof accountEs;

export const accountEn: AccountMessages = {
  account: {
    forcedTitle: 'Change your password',
    forcedExplanation:
      'An administrator gave you a temporary password. Choose a new one, known only to you, to continue.',
    changePassword: 'Change password',
    changePasswordSubmit: 'Change password',
    currentPassword: 'Current password',
    currentPasswordMissing: 'Enter your current password.',
    newPassword: 'New password',
    newPasswordHelp:
      'At least {{min}} characters. A phrase of several words is easy to remember and hard to guess.',
    confirmNewPassword: 'Repeat the new password',
    passwordAcceptable: 'Password acceptable.',
    passwordProblems: {
      too_short: 'The password must be at least {{min}} characters long.',
      too_long: 'The password may be up to {{max}} characters long.',
      common: 'That password is one of the most used; choose one that is harder to guess.',
      contains_username: 'The password must not contain the username.',
      same_as_current: 'The new password must differ from the current one.',
    },
    confirmation: {
      missing: 'Type the new password again.',
      mismatch: 'The two new passwords do not match.',
    },
    passwordChanged: 'Your password changed. Sessions open on other devices were ended.',
    signOutEverywhere: 'Sign out on all devices',
    signOutEverywhereHelp:
      'Every session you have open, on this and any other device, will end. You will have to sign in again.',
    signOutEverywhereConfirm: 'End all sessions',
    cancel: 'Cancel',
    ok: 'OK',
    roles: {
      agent: 'Agent',
      backoffice: 'Back office',
      technician: 'Technician',
      supervisor: 'Supervisor',
      admin: 'Administrator',
    },
  },
};
