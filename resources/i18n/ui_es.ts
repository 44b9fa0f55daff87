<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Banner</name>
    <message>
        <source>Status message</source>
        <translation>Mensaje de estado</translation>
    </message>
</context>
<context>
    <name>BatchChangeEditor</name>
    <message>
        <source>The change for every pasted ticket</source>
        <translation>El cambio para cada ticket pegado</translation>
    </message>
    <message>
        <source>New stat&amp;us</source>
        <translation>Nue&amp;vo estado</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Cuándo</translation>
    </message>
    <message>
        <source>Notif&amp;y by</source>
        <translation>Notificar &amp;por</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>Con&amp;tactos</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>A&amp;sunto</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <source>Leave empty to keep each ticket's own status</source>
        <translation>Déjelo vacío para mantener el estado de cada ticket</translation>
    </message>
    <message>
        <source>each ticket's own</source>
        <translation>el de cada ticket</translation>
    </message>
    <message>
        <source>&amp;Notify people of this change</source>
        <translation>&amp;Notificar este cambio a las personas</translation>
    </message>
    <message>
        <source>&amp;Automated reminders</source>
        <translation>Recordatorios a&amp;utomáticos</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>SMS text message</source>
        <translation>Mensaje de texto SMS</translation>
    </message>
    <message>
        <source>Comma-separated emails or phone numbers</source>
        <translation>Correos electrónicos o números de teléfono separados por comas</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>From {file}: the file gives every field of each row.</source>
        <translation>De {file}: el archivo da todos los campos de cada fila.</translation>
    </message>
    <message>
        <source>Row {row}:</source>
        <translation>Fila {row}:</translation>
    </message>
    <message>
        <source>This file cannot be used as it is.</source>
        <translation>Este archivo no se puede usar tal como está.</translation>
    </message>
    <message>
        <source>Paste ticket ids (one per line, or separated by commas) or open a CSV file.</source>
        <translation>Pegue IDs de ticket (uno por línea, o separados por comas) o abra un archivo CSV.</translation>
    </message>
    <message>
        <source>Wait for the check to finish.</source>
        <translation>Espere a que termine la comprobación.</translation>
    </message>
    <message>
        <source>Nothing was sent: no row is ready.</source>
        <translation>No se envió nada: ninguna fila está lista.</translation>
    </message>
    <message>
        <source>Putting the batch in the outbox…</source>
        <translation>Poniendo el lote en la bandeja de salida…</translation>
    </message>
    <message>
        <source>Sending batch {batch}…</source>
        <translation>Enviando el lote {batch}…</translation>
    </message>
    <message>
        <source>Many tickets</source>
        <translation>Muchos tickets</translation>
    </message>
    <message>
        <source>&amp;Ticket ids (one per line, or separated by commas or spaces):</source>
        <translation>&amp;IDs de ticket (uno por línea, o separados por comas o espacios):</translation>
    </message>
    <message>
        <source>&amp;Open CSV…</source>
        <translation>&amp;Abrir CSV…</translation>
    </message>
    <message>
        <source>Rows with the command line's columns: ticketId, title, description, …</source>
        <translation>Filas con las columnas de la línea de comandos: ticketId, title, description, …</translation>
    </message>
    <message>
        <source>S&amp;kip the rows that need attention</source>
        <translation>&amp;Omitir las filas que requieren atención</translation>
    </message>
    <message>
        <source>Send a&amp;gain what went out in the last 24 hours</source>
        <translation>Volver a enviar lo que salió en las últimas 24 &amp;horas</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Ticket id</source>
        <translation>ID del ticket</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Notificar</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Notify by</source>
        <translation>Notificar por</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Automated</source>
        <translation>Automático</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>✓ OK</source>
        <translation>✓ Correcto</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>Particle Tickets</source>
        <translation>Particle Tickets</translation>
    </message>
    <message>
        <source> — New ticket</source>
        <translation> — Nuevo ticket</translation>
    </message>
    <message>
        <source> — Sandbox</source>
        <translation> — Entorno de pruebas</translation>
    </message>
    <message>
        <source> — TEST</source>
        <translation> — PRUEBA</translation>
    </message>
    <message>
        <source>Sandbox at {address}</source>
        <translation>Entorno de pruebas en {address}</translation>
    </message>
    <message>
        <source>Sends to {address}</source>
        <translation>Envía a {address}</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.vcf *.vcard)</source>
        <translation>Contactos (*.csv *.vcf *.vcard)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>Archivos vCard (*.vcf *.vcard)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Grupos:</translation>
    </message>
    <message>
        <source>Tenants 3C, Plumbers</source>
        <translation>Inquilinos 3C, Fontaneros</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Añadi&amp;r</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>G&amp;uardar</translation>
    </message>
    <message>
        <source>Used in sends, not in &amp;your contacts:</source>
        <translation>Usa&amp;dos en envíos, no en sus contactos:</translation>
    </message>
    <message>
        <source>Add t&amp;o contacts…</source>
        <translation>&amp;Añadir a contactos…</translation>
    </message>
    <message>
        <source>A new contact with this address or number; type the name and save it</source>
        <translation>Un contacto nuevo con esta dirección o número; escriba el nombre y guárdelo</translation>
    </message>
    <message>
        <source>&amp;Import CSV or vCard…</source>
        <translation>&amp;Importar CSV o vCard…</translation>
    </message>
    <message>
        <source>A CSV file with the columns name, email, phone, groups, or a vCard file (.vcf) as phones and mail programs export them</source>
        <translation>Un archivo CSV con las columnas name, email, phone, groups, o un archivo vCard (.vcf) como los exportan los teléfonos y los programas de correo</translation>
    </message>
</context>
<context>
    <name>ContactsKeeper</name>
    <message>
        <source>The file could not be used: {error}</source>
        <translation>No se pudo usar el archivo: {error}</translation>
    </message>
    <message>
        <source>The contacts could not be read or saved: {error}</source>
        <translation>No se pudieron leer ni guardar los contactos: {error}</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Your unsent draft could not be read.</source>
        <translation>No se pudo leer su borrador sin enviar.</translation>
    </message>
    <message>
        <source>Your draft cannot be saved ({reason}): the disk may be full or the data folder read-only. The form keeps what you typed; do not close the app until it is sent.</source>
        <translation>No se puede guardar su borrador ({reason}): puede que el disco esté lleno o que la carpeta de datos sea de solo lectura. El formulario conserva lo que escribió; no cierre la aplicación hasta que se envíe.</translation>
    </message>
</context>
<context>
    <name>FormFiller</name>
    <message>
        <source>Loaded the new ticket into the form.</source>
        <translation>Se cargó el ticket nuevo en el formulario.</translation>
    </message>
    <message>
        <source>Loaded the update to {ticket} into the form.</source>
        <translation>Se cargó en el formulario la actualización del ticket {ticket}.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help: keyboard and fields</source>
        <translation>Ayuda: teclado y campos</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Update the ticket (send the form)</source>
        <translation>Actualizar el ticket (enviar el formulario)</translation>
    </message>
    <message>
        <source>Stop waiting for the server</source>
        <translation>Dejar de esperar al servidor</translation>
    </message>
    <message>
        <source>Next or previous field, also out of the multi-line fields</source>
        <translation>Campo siguiente o anterior, también para salir de los campos de varias líneas</translation>
    </message>
    <message>
        <source>Type a tab in Description or Message</source>
        <translation>Escribir una tabulación en Descripción o Mensaje</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+letra subrayada</translation>
    </message>
    <message>
        <source>Go to that field, or press that button</source>
        <translation>Ir a ese campo o pulsar ese botón</translation>
    </message>
    <message>
        <source>Open a new ticket, or go back to updating one</source>
        <translation>Abrir un ticket nuevo, o volver a actualizar uno</translation>
    </message>
    <message>
        <source>Insert a saved notice into the message</source>
        <translation>Insertar un aviso guardado en el mensaje</translation>
    </message>
    <message>
        <source>Preview what the notification's recipients get</source>
        <translation>Ver antes lo que reciben los destinatarios del aviso</translation>
    </message>
    <message>
        <source>One change to many tickets at once</source>
        <translation>Un cambio a muchos tickets a la vez</translation>
    </message>
    <message>
        <source>Show the outbox: updates waiting to be sent</source>
        <translation>Mostrar la bandeja de salida: actualizaciones pendientes de envío</translation>
    </message>
    <message>
        <source>Show the history of updates</source>
        <translation>Mostrar el historial de actualizaciones</translation>
    </message>
    <message>
        <source>Settings: sign-in, connection, language</source>
        <translation>Configuración: inicio de sesión, conexión, idioma</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>About Particle Tickets</source>
        <translation>Acerca de Particle Tickets</translation>
    </message>
    <message>
        <source>Particle Tickets {version}
Update Particle Space maintenance tickets.</source>
        <translation>Particle Tickets {version}
Actualice los tickets de mantenimiento de Particle Space.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>descartada</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creado</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Filter by ticket id or any text</source>
        <translation>Filtrar por ID de ticket o cualquier texto</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Shows the updates whose ticket id, message or values contain this text.</source>
        <translation>Muestra las actualizaciones cuyo ID de ticket, mensaje o valores contienen este texto.</translation>
    </message>
    <message>
        <source>Updates sent before</source>
        <translation>Actualizaciones enviadas anteriormente</translation>
    </message>
    <message>
        <source>Open in for&amp;m</source>
        <translation>Abrir en el for&amp;mulario</translation>
    </message>
</context>
<context>
    <name>MainMenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New ticket</source>
        <translation>&amp;Nuevo ticket</translation>
    </message>
    <message>
        <source>Open a new ticket instead of updating one (Ctrl+N switches back)</source>
        <translation>Abrir un ticket nuevo en lugar de actualizar uno (Ctrl+N vuelve atrás)</translation>
    </message>
    <message>
        <source>&amp;Clear form</source>
        <translation>&amp;Vaciar el formulario</translation>
    </message>
    <message>
        <source>Empty the form (Undo brings it back)</source>
        <translation>Vaciar el formulario (Deshacer lo recupera)</translation>
    </message>
    <message>
        <source>&amp;Many tickets…</source>
        <translation>&amp;Muchos tickets…</translation>
    </message>
    <message>
        <source>One change to many known tickets, or the rows of a CSV file, sent at once</source>
        <translation>Un cambio a muchos tickets conocidos, o las filas de un archivo CSV, enviados de una vez</translation>
    </message>
    <message>
        <source>C&amp;ontacts…</source>
        <translation>C&amp;ontactos…</translation>
    </message>
    <message>
        <source>People and groups the contacts field completes and sends to by name</source>
        <translation>Personas y grupos que el campo de contactos completa y a los que envía por su nombre</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Sign &amp;in to Particle Space…</source>
        <translation>&amp;Iniciar sesión en Particle Space…</translation>
    </message>
    <message>
        <source>Leave the sandbox: send to Particle Space with your account's keys</source>
        <translation>Salir del entorno de pruebas: enviar a Particle Space con las claves de su cuenta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Bandeja de salida</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard and fields</source>
        <translation>&amp;Teclado y campos</translation>
    </message>
    <message>
        <source>&amp;About Particle Tickets</source>
        <translation>&amp;Acerca de Particle Tickets</translation>
    </message>
    <message>
        <source>Sandbo&amp;x</source>
        <translation>Pruebas (sandbo&amp;x)</translation>
    </message>
    <message>
        <source>Answer normally</source>
        <translation>Responder con normalidad</translation>
    </message>
    <message>
        <source>Answer slowly</source>
        <translation>Responder con lentitud</translation>
    </message>
    <message>
        <source>Fail with a server error (500)</source>
        <translation>Fallar con un error del servidor (500)</translation>
    </message>
    <message>
        <source>Say it is busy (429)</source>
        <translation>Decir que está ocupado (429)</translation>
    </message>
    <message>
        <source>Say it is unavailable (503)</source>
        <translation>Decir que no está disponible (503)</translation>
    </message>
    <message>
        <source>Answer with a proxy's error page (502)</source>
        <translation>Responder con la página de error de un proxy (502)</translation>
    </message>
    <message>
        <source>Never finish answering</source>
        <translation>No terminar nunca de responder</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Updates are waiting</source>
        <translation>Hay actualizaciones pendientes</translation>
    </message>
    <message>
        <source>Quit now?</source>
        <translation>¿Salir ahora?</translation>
    </message>
</context>
<context>
    <name>MessageCounter</name>
    <message>
        <source>Use plain quotes and dashes</source>
        <translation>Usar comillas y guiones simples</translation>
    </message>
    <message>
        <source>Replaces typographic quotes, dashes, dots and spaces by plain ones.</source>
        <translation>Cambia las comillas, guiones, puntos y espacios tipográficos por los simples.</translation>
    </message>
    <message numerus="yes">
        <source>%n SMS</source>
        <translation>
            <numerusform>%n SMS</numerusform>
            <numerusform>%n SMS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n are sent</source>
        <translation>
            <numerusform>como máximo se envía %n</numerusform>
            <numerusform>como máximo se envían %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{parts}: {limit}</source>
        <translation>{parts}: {limit}</translation>
    </message>
    <message>
        <source>{parts} · {units:,} of {single} characters</source>
        <translation>{parts} · {units:,} de {single} caracteres</translation>
    </message>
    <message>
        <source>{parts} · {units:,} characters, {per_part} a part</source>
        <translation>{parts} · {units:,} caracteres, {per_part} por parte</translation>
    </message>
    <message>
        <source>{parts} · Unicode, {units} of {single} characters: {characters}</source>
        <translation>{parts} · Unicode, {units} de {single} caracteres: {characters}</translation>
    </message>
    <message>
        <source>{parts} · Unicode ({per_part} characters a part): {characters}</source>
        <translation>{parts} · Unicode ({per_part} caracteres por parte): {characters}</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <source>{time} on {date} does not exist here: the clocks jump from {start} to {end}. Use {end}?</source>
        <translation>Las {time} del {date} no existen aquí: los relojes saltan de las {start} a las {end}. ¿Usar las {end}?</translation>
    </message>
    <message>
        <source>Use {time}</source>
        <translation>Usar las {time}</translation>
    </message>
    <message>
        <source>{time} on {date} happens twice here: the clocks go back from {start} to {end}. Which one?</source>
        <translation>Las {time} del {date} ocurren dos veces aquí: los relojes retroceden de las {start} a las {end}. ¿Cuál de las dos?</translation>
    </message>
    <message>
        <source>The first, before the clocks go back ({offset})</source>
        <translation>La primera, antes de que retrocedan los relojes ({offset})</translation>
    </message>
    <message>
        <source>The second, after they go back ({offset})</source>
        <translation>La segunda, después de que retrocedan ({offset})</translation>
    </message>
    <message>
        <source>Send later, at:</source>
        <translation>Enviar más tarde, el:</translation>
    </message>
    <message>
        <source>Unchecked, the notification goes out as soon as the ticket is updated.</source>
        <translation>Sin marcar, la notificación se envía en cuanto se actualiza el ticket.</translation>
    </message>
    <message>
        <source>Send at</source>
        <translation>Enviar el</translation>
    </message>
    <message>
        <source>The date and time to notify people.</source>
        <translation>La fecha y la hora en que se notificará a las personas.</translation>
    </message>
    <message>
        <source>Sends as soon as the ticket is updated</source>
        <translation>Se envía en cuanto se actualiza el ticket</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <translation>d 'de' MMMM</translation>
    </message>
</context>
<context>
    <name>OutboxDispatcher</name>
    <message>
        <source>The outbox file was damaged and could not be read; it was moved to {path} and a new, empty outbox was started.</source>
        <translation>El archivo de la bandeja de salida estaba dañado y no se pudo leer; se movió a {path} y se creó una bandeja de salida nueva y vacía.</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Próximo intento</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Needs your decision</source>
        <translation>Requiere su decisión</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Updates waiting to be sent</source>
        <translation>Actualizaciones pendientes de envío</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>O&amp;pen in form</source>
        <translation>Abrir en el &amp;formulario</translation>
    </message>
    <message>
        <source>after the earlier update</source>
        <translation>después de la actualización anterior</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>Resend sends it to {base}.</source>
        <translation>Reenviar la envía a {base}.</translation>
    </message>
    <message>
        <source>only with the account it was written for</source>
        <translation>solo con la cuenta para la que se escribió</translation>
    </message>
    <message>
        <source>only from {base}</source>
        <translation>solo desde {base}</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Reenviar</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
</context>
<context>
    <name>PreviewButton</name>
    <message>
        <source>Preview…</source>
        <translation>Vista previa…</translation>
    </message>
    <message>
        <source>What the recipients get, names and groups expanded ({keys})</source>
        <translation>Lo que reciben los destinatarios, con nombres y grupos expandidos ({keys})</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>This update notifies nobody.</source>
        <translation>Esta actualización no avisa a nadie.</translation>
    </message>
    <message>
        <source>As soon as the update is sent</source>
        <translation>En cuanto se envíe la actualización</translation>
    </message>
    <message>
        <source>Part {number} of {total}</source>
        <translation>Parte {number} de {total}</translation>
    </message>
    <message>
        <source>Not ready to send:</source>
        <translation>Aún no se puede enviar:</translation>
    </message>
    <message>
        <source>Preview of the notification</source>
        <translation>Vista previa del aviso</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Para</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <source>As it arrives</source>
        <translation>Como llega</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>SendReport</name>
    <message>
        <source>The update was discarded from the outbox.</source>
        <translation>La actualización se descartó de la bandeja de salida.</translation>
    </message>
    <message>
        <source>Now updating ticket {ticket}: change what you need, then Update.</source>
        <translation>Ahora actualiza el ticket {ticket}: cambie lo que necesite y luego pulse Actualizar.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Remo&amp;ve keys</source>
        <translation>E&amp;liminar las claves</translation>
    </message>
    <message>
        <source>This computer has no keychain, so keys you enter here are kept only until you close the app. Nothing is written to disk.</source>
        <translation>Esta computadora no tiene llavero, así que las claves que ingrese aquí se conservan solo hasta que cierre la aplicación. No se guarda nada en el disco.</translation>
    </message>
    <message>
        <source>Enter this to sign in.</source>
        <translation>Ingrese este dato para iniciar sesión.</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>No hay ningún archivo en esta ruta.</translation>
    </message>
    <message>
        <source>Saving your keys in the keychain…</source>
        <translation>Guardando sus claves en el llavero…</translation>
    </message>
    <message>
        <source>Removing your keys from the keychain…</source>
        <translation>Eliminando sus claves del llavero…</translation>
    </message>
    <message>
        <source>Your keys were removed from this computer.</source>
        <translation>Sus claves se eliminaron de esta computadora.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; see the log.</source>
        <translation>Ocurrió un error inesperado; consulte el registro.</translation>
    </message>
    <message>
        <source>The keychain did not answer within {seconds:g} s. It may be waiting for you to unlock it; try again once it is unlocked.</source>
        <translation>El llavero no respondió en {seconds:g} s. Puede que esté esperando que usted lo desbloquee; vuelva a intentarlo cuando esté desbloqueado.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Sign in with the &amp;key pair (recommended)</source>
        <translation>Iniciar sesión con el par de &amp;claves (recomendado)</translation>
    </message>
    <message>
        <source>Use a Bearer t&amp;oken</source>
        <translation>Usar un &amp;token Bearer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>none: the system's CAs</source>
        <translation>ninguno: las CA del sistema</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;API address</source>
        <translation>&amp;Dirección de la API</translation>
    </message>
    <message>
        <source>Toke&amp;n</source>
        <translation>T&amp;oken</translation>
    </message>
    <message>
        <source>&amp;Connect timeout</source>
        <translation>Tiempo límite de co&amp;nexión</translation>
    </message>
    <message>
        <source>&amp;Read timeout</source>
        <translation>Tiempo límite de &amp;respuesta</translation>
    </message>
    <message>
        <source>Default SMS re&amp;gion</source>
        <translation>Re&amp;gión predeterminada para SMS</translation>
    </message>
    <message>
        <source>CA &amp;bundle</source>
        <translation>Paq&amp;uete de CA</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Optional. Empty for Particle Space; plain http only to this computer.</source>
        <translation>Opcional. Vacío para Particle Space; http sin cifrar solo hacia esta computadora.</translation>
    </message>
    <message>
        <source>Language and SMS region</source>
        <translation>Idioma y región de los SMS</translation>
    </message>
    <message>
        <source>A&amp;dvanced</source>
        <translation>A&amp;vanzado</translation>
    </message>
    <message>
        <source>The Bearer token, the API address, the timeouts and the CA bundle.</source>
        <translation>El token Bearer, la dirección de la API, los tiempos de espera y el paquete de CA.</translation>
    </message>
    <message>
        <source>A Bearer token, instead of the key pair.</source>
        <translation>Un token Bearer, en lugar del par de claves.</translation>
    </message>
    <message>
        <source>Seconds to wait for the server to accept a connection.</source>
        <translation>Segundos de espera para que el servidor acepte la conexión.</translation>
    </message>
    <message>
        <source>Seconds to wait for the server's answer.</source>
        <translation>Segundos de espera para la respuesta del servidor.</translation>
    </message>
    <message>
        <source>The country of phone numbers written without +country code.</source>
        <translation>El país de los números de teléfono escritos sin +código de país.</translation>
    </message>
    <message>
        <source>Optional. A PEM file of certificate authorities, for networks that inspect TLS.</source>
        <translation>Opcional. Un archivo PEM de autoridades de certificación, para redes que inspeccionan TLS.</translation>
    </message>
    <message>
        <source>Applies at once and at every start.</source>
        <translation>Se aplica de inmediato y en cada inicio.</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema en {field}</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Paquete de CA</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation>Archivos PEM (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>This computer has no keychain: keys entered in Settings are kept only until the app closes.</source>
        <translation>Esta computadora no tiene llavero: las claves ingresadas en Configuración se conservan solo hasta que se cierre la aplicación.</translation>
    </message>
    <message>
        <source>Enter your keys to sign in.</source>
        <translation>Escriba sus claves para iniciar sesión.</translation>
    </message>
    <message>
        <source>The keychain did not answer within {seconds:g} s; it may be waiting for you to unlock it. Enter your keys to sign in, or restart the app once it is unlocked.</source>
        <translation>El llavero no respondió en {seconds:g} s; puede que esté esperando a que lo desbloquee. Escriba sus claves para iniciar sesión, o reinicie la aplicación cuando esté desbloqueado.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Particle Space</source>
        <translation>Iniciar sesión en Particle Space</translation>
    </message>
    <message>
        <source>Paste your account's two API keys. Once they are saved, the window leaves the sandbox and sends to Particle Space; what you tried in the sandbox stays there.</source>
        <translation>Pegue las dos claves de API de su cuenta. En cuanto se guarden, la ventana sale del entorno de pruebas y envía a Particle Space; lo que probó en el entorno de pruebas se queda allí.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in to Particle Space</source>
        <translation>Iniciar sesión en Particle Space</translation>
    </message>
    <message>
        <source>Particle Tickets sends your updates to Particle Space with your account's two API keys. Paste them here once; they are kept in this computer's keychain.</source>
        <translation>Particle Tickets envía sus actualizaciones a Particle Space con las dos claves de API de su cuenta. Péguelas aquí una vez; se guardan en el llavero de este equipo.</translation>
    </message>
    <message>
        <source>Particle Tickets sends your updates to Particle Space with your account's two API keys. This computer has no keychain: the keys are kept only until you close the app, and nothing is written to disk.</source>
        <translation>Particle Tickets envía sus actualizaciones a Particle Space con las dos claves de API de su cuenta. Este equipo no tiene llavero: las claves se guardan solo hasta que cierre la aplicación, y no se escribe nada en el disco.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Advanced settings…</source>
        <translation>Configuración avan&amp;zada…</translation>
    </message>
    <message>
        <source>Not ready yet? The sandbox is a pretend Particle Space on this computer: try every part of the app there, nothing you send reaches anyone. Sign in from its File menu when you are ready.</source>
        <translation>¿Aún no está listo? El entorno de pruebas es un Particle Space de mentira en este equipo: pruebe allí cada parte de la aplicación, nada de lo que envíe llega a nadie. Inicie sesión desde su menú Archivo cuando esté listo.</translation>
    </message>
    <message>
        <source>T&amp;ry the sandbox first</source>
        <translation>Probar el &amp;entorno de pruebas primero</translation>
    </message>
</context>
<context>
    <name>SignInSection</name>
    <message>
        <source>Both keys are in the Particle Space dashboard, under {page}: the secret key starts with sk_test_ or sk_live_, the publishable key with pk_test_ or pk_live_. Test keys reach only test data.</source>
        <translation>Las dos claves están en el panel de Particle Space, en {page}: la clave secreta empieza por sk_test_ o sk_live_, la publicable por pk_test_ o pk_live_. Las claves de prueba solo llegan a datos de prueba.</translation>
    </message>
    <message>
        <source>sk_test_… or sk_live_…</source>
        <translation>sk_test_… o sk_live_…</translation>
    </message>
    <message>
        <source>pk_test_… or pk_live_…</source>
        <translation>pk_test_… o pk_live_…</translation>
    </message>
    <message>
        <source>Show the ke&amp;ys</source>
        <translation>&amp;Mostrar las claves</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Pro&amp;bar la conexión</translation>
    </message>
    <message>
        <source>S&amp;ecret key</source>
        <translation>Clave &amp;secreta</translation>
    </message>
    <message>
        <source>&amp;Publishable key</source>
        <translation>Clave &amp;publicable</translation>
    </message>
    <message>
        <source>The secret key from the Particle Space dashboard.</source>
        <translation>La clave secreta del panel de Particle Space.</translation>
    </message>
    <message>
        <source>The publishable key from the Particle Space dashboard.</source>
        <translation>La clave publicable del panel de Particle Space.</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema en {field}</translation>
    </message>
    <message>
        <source>Testing the connection to {address}…</source>
        <translation>Probando la conexión con {address}…</translation>
    </message>
    <message>
        <source>Signed in to {address} as a test account. Nothing was changed.</source>
        <translation>Sesión iniciada en {address} con una cuenta de prueba. No se cambió nada.</translation>
    </message>
    <message>
        <source>Signed in to {address} with live keys: updates change real tickets. Nothing was changed.</source>
        <translation>Sesión iniciada en {address} con claves reales: las actualizaciones cambian tickets reales. No se cambió nada.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>Particle Space refused these keys: it answered HTTP {status}. Copy both keys again from {page} in the dashboard.</source>
        <translation>Particle Space rechazó estas claves: respondió HTTP {status}. Vuelva a copiar las dos claves desde {page} en el panel.</translation>
    </message>
    <message>
        <source>Particle Space refused this token: it answered HTTP {status}.</source>
        <translation>Particle Space rechazó este token: respondió HTTP {status}.</translation>
    </message>
    <message>
        <source>Could not reach {address}: {reason}</source>
        <translation>No se pudo llegar a {address}: {reason}</translation>
    </message>
    <message>
        <source>Could not sign in at {address}: {reason}</source>
        <translation>No se pudo iniciar sesión en {address}: {reason}</translation>
    </message>
</context>
<context>
    <name>StartNotice</name>
    <message>
        <source>Restored your unsent draft.</source>
        <translation>Se recuperó su borrador sin enviar.</translation>
    </message>
</context>
<context>
    <name>StatusField</name>
    <message>
        <source>Not one of the listed statuses: Particle Space may refuse it.</source>
        <translation>No es uno de los estados de la lista: Particle Space podría rechazarlo.</translation>
    </message>
    <message>
        <source>Use {status}</source>
        <translation>Usar {status}</translation>
    </message>
</context>
<context>
    <name>TemplateButton</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Insert a saved notice: its subject and message ({keys})</source>
        <translation>Insertar un aviso guardado: su asunto y su mensaje ({keys})</translation>
    </message>
    <message>
        <source>&amp;Manage…</source>
        <translation>&amp;Gestionar…</translation>
    </message>
</context>
<context>
    <name>TemplateKeeper</name>
    <message>
        <source>The file could not be used: {error}</source>
        <translation>No se pudo usar el archivo: {error}</translation>
    </message>
    <message>
        <source>The templates could not be read or saved: {error}</source>
        <translation>No se pudieron leer ni guardar las plantillas: {error}</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Fix the problems shown first, or put the text back as it was.</source>
        <translation>Corrija primero los problemas indicados, o deje el texto como estaba.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Plantilla nueva</translation>
    </message>
    <message>
        <source>templates</source>
        <translation>plantillas</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>Exportar plantillas</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>Importar plantillas</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>This template has problems and is not saved. Close and lose the changes?</source>
        <translation>Esta plantilla tiene problemas y no se ha guardado. ¿Cerrar y perder los cambios?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
    <message>
        <source>Templates (*.json);;All files (*)</source>
        <translation>Plantillas (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>A&amp;sunto</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>E&amp;stado</translation>
    </message>
    <message>
        <source>Keep the form's</source>
        <translation>Mantener el del formulario</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>SMS text message</source>
        <translation>Mensaje de texto SMS</translation>
    </message>
    <message>
        <source>Placeholders: {names}. Write a brace itself twice: {braces}.</source>
        <translation>Marcadores: {names}. Para escribir una llave, escríbala dos veces: {braces}.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Añadi&amp;r</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema en {field}</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>&amp;Ticket ID *</source>
        <translation>&amp;ID del ticket *</translation>
    </message>
    <message>
        <source>T&amp;itle *</source>
        <translation>&amp;Título *</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>D&amp;escription *</source>
        <translation>&amp;Descripción *</translation>
    </message>
    <message>
        <source>&amp;Status *</source>
        <translation>&amp;Estado *</translation>
    </message>
    <message>
        <source>&amp;Notify people about this update</source>
        <translation>&amp;Notificar a las personas sobre esta actualización</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Cuándo</translation>
    </message>
    <message>
        <source>T&amp;ype *</source>
        <translation>Ti&amp;po *</translation>
    </message>
    <message>
        <source>&amp;Contacts *</source>
        <translation>C&amp;ontactos *</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>A&amp;sunto</translation>
    </message>
    <message>
        <source>Messa&amp;ge</source>
        <translation>Mensa&amp;je</translation>
    </message>
    <message>
        <source>&amp;Automated: remind them again if the ticket stays in this status too long</source>
        <translation>A&amp;utomático: volver a avisarles si el ticket permanece demasiado tiempo en este estado</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>SMS text message</source>
        <translation>Mensaje de texto SMS</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema en {field}</translation>
    </message>
    <message>
        <source>Required. Phone numbers, separated by commas.</source>
        <translation>Obligatorio. Números de teléfono, separados por comas.</translation>
    </message>
    <message>
        <source>Required. Email addresses, separated by commas.</source>
        <translation>Obligatorio. Direcciones de correo electrónico, separadas por comas.</translation>
    </message>
    <message>
        <source>Required. The ticket's id, such as tic_1001.</source>
        <translation>Obligatorio. El ID del ticket, por ejemplo tic_1001.</translation>
    </message>
    <message>
        <source>Required. One line.</source>
        <translation>Obligatorio. Una línea.</translation>
    </message>
    <message>
        <source>Optional for a new ticket. Several lines; Tab moves on to the next field, Ctrl+Tab types a tab.</source>
        <translation>Opcional para un ticket nuevo. Varias líneas; Tab pasa al campo siguiente, Ctrl+Tab escribe una tabulación.</translation>
    </message>
    <message>
        <source>Required. Several lines; Tab moves on to the next field, Ctrl+Tab types a tab.</source>
        <translation>Obligatorio. Varias líneas; Tab pasa al campo siguiente, Ctrl+Tab escribe una tabulación.</translation>
    </message>
    <message>
        <source>Required. Choose NEW or ON_HOLD, or type another status.</source>
        <translation>Obligatorio. Elija NEW u ON_HOLD, o escriba otro estado.</translation>
    </message>
    <message>
        <source>Sends this update to the contacts by email or SMS.</source>
        <translation>Envía esta actualización a los contactos por correo electrónico o SMS.</translation>
    </message>
    <message>
        <source>Sends now, or at the date and time you pick with Send later.</source>
        <translation>Envía ahora, o en la fecha y hora que elija con Enviar más tarde.</translation>
    </message>
    <message>
        <source>Required. Email or SMS text message.</source>
        <translation>Obligatorio. Correo electrónico o mensaje de texto SMS.</translation>
    </message>
    <message>
        <source>Optional. One line.</source>
        <translation>Opcional. Una línea.</translation>
    </message>
    <message>
        <source>Optional. Several lines; by SMS at most {parts} parts of 153 characters, or 67 in Unicode. Tab moves on to the next field, Ctrl+Tab types a tab.</source>
        <translation>Opcional. Varias líneas; por SMS como máximo {parts} partes de 153 caracteres, o de 67 en Unicode. Tab pasa al campo siguiente, Ctrl+Tab escribe una tabulación.</translation>
    </message>
    <message>
        <source>Optional. Particle Space sends reminders by itself.</source>
        <translation>Opcional. Particle Space envía los recordatorios por su cuenta.</translation>
    </message>
    <message>
        <source>Only the first {limit:,} characters fit here; the rest of the paste ({count:,}) was left out.</source>
        <translation>Aquí solo caben los primeros {limit:,} caracteres; el resto de lo pegado ({count:,}) se dejó fuera.</translation>
    </message>
    <message>
        <source>This field is full: it takes at most {limit:,} characters.</source>
        <translation>Este campo está lleno: admite como máximo {limit:,} caracteres.</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>Update this ticket</source>
        <translation>Actualizar este ticket</translation>
    </message>
    <message>
        <source>Switch to updating the ticket that was just created</source>
        <translation>Pasar a actualizar el ticket recién creado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop waiting for the server (Esc)</source>
        <translation>Dejar de esperar al servidor (Esc)</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>TEST MODE</source>
        <translation>MODO DE PRUEBA</translation>
    </message>
    <message>
        <source>Test keys: updates change test data only.</source>
        <translation>Claves de prueba: las actualizaciones solo cambian datos de prueba.</translation>
    </message>
    <message>
        <source>&amp;Open Settings…</source>
        <translation>Abrir la confi&amp;guración…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Bring back the form as it was</source>
        <translation>Recuperar el formulario tal como estaba</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Enviar de nuevo</translation>
    </message>
    <message>
        <source>Show outbox</source>
        <translation>Ver la bandeja de salida</translation>
    </message>
    <message>
        <source>&amp;Discard draft</source>
        <translation>Descartar &amp;borrador</translation>
    </message>
    <message>
        <source>Sandbox — nothing is sent to Particle Space</source>
        <translation>Entorno de pruebas (sandbox): no se envía nada a Particle Space</translation>
    </message>
    <message>
        <source>Create tic&amp;ket</source>
        <translation>Crear tic&amp;ket</translation>
    </message>
    <message>
        <source>Create the new ticket (Ctrl+Enter)</source>
        <translation>Crear el ticket nuevo (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Update ticket</source>
        <translation>Actua&amp;lizar ticket</translation>
    </message>
    <message>
        <source>Send the update (Ctrl+Enter)</source>
        <translation>Enviar la actualización (Ctrl+Intro)</translation>
    </message>
</context>
<context>
    <name>TicketSwitcher</name>
    <message>
        <source>Now on ticket {ticket}. What you had typed for {previous} is set aside: Undo brings it back.</source>
        <translation>Ahora en el ticket {ticket}. Lo que había escrito para {previous} se guardó aparte: Deshacer lo recupera.</translation>
    </message>
    <message>
        <source>Cleared the form.</source>
        <translation>Se vació el formulario.</translation>
    </message>
    <message>
        <source>The form is back as it was.</source>
        <translation>El formulario volvió a estar como estaba.</translation>
    </message>
    <message>
        <source>This computer has sent nothing for this ticket yet. What you send replaces its title, description and status on Particle Space: type the current ones.</source>
        <translation>Este equipo todavía no ha enviado nada para este ticket. Lo que envíe reemplaza su título, descripción y estado en Particle Space: escriba los actuales.</translation>
    </message>
    <message>
        <source>From when you created it, {when}.</source>
        <translation>De cuando lo creó, {when}.</translation>
    </message>
    <message>
        <source>From your update of {when}.</source>
        <translation>De su actualización del {when}.</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Show the outbox (Ctrl+Shift+O)</source>
        <translation>Mostrar la bandeja de salida (Ctrl+Mayús+O)</translation>
    </message>
</context>
<context>
    <name>batch_dialog</name>
    <message numerus="yes">
        <source>%n ids were given more than once and are sent once: {ids}.</source>
        <comment>%n id was given more than once and is sent once: {ids}.</comment>
        <translation>
            <numerusform>%n ID se indicó más de una vez y se envía una sola vez: {ids}.</numerusform>
            <numerusform>%n IDs se indicaron más de una vez y se envían una sola vez: {ids}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows checked: all ready to send.</source>
        <comment>%n row checked: ready to send.</comment>
        <translation>
            <numerusform>%n fila comprobada: lista para enviar.</numerusform>
            <numerusform>%n filas comprobadas: todas listas para enviar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} rows checked: %n need attention (see the Check column).</source>
        <comment>{total} rows checked: %n needs attention (see the Check column).</comment>
        <translation>
            <numerusform>{total} filas comprobadas: %n requiere atención (vea la columna Comprobación).</numerusform>
            <numerusform>{total} filas comprobadas: %n requieren atención (vea la columna Comprobación).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n rows need attention. Correct them, or tick “Skip the rows that need attention” to send the others.</source>
        <comment>Nothing was sent: %n row needs attention. Correct it, or tick “Skip the rows that need attention” to send the others.</comment>
        <translation>
            <numerusform>No se envió nada: %n fila requiere atención. Corríjala, o marque «Omitir las filas que requieren atención» para enviar las demás.</numerusform>
            <numerusform>No se envió nada: %n filas requieren atención. Corríjalas, o marque «Omitir las filas que requieren atención» para enviar las demás.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>contacts_book</name>
    <message numerus="yes">
        <source>Imported %n contacts.</source>
        <comment>Imported %n contact.</comment>
        <translation>
            <numerusform>Se importó %n contacto.</numerusform>
            <numerusform>Se importaron %n contactos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{group} · group of %n</source>
        <comment>{group} · group of %n</comment>
        <translation>
            <numerusform>{group} · grupo de %n</numerusform>
            <numerusform>{group} · grupo de %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>preview_dialog</name>
    <message numerus="yes">
        <source>An SMS to %n people</source>
        <comment>An SMS to %n person</comment>
        <translation>
            <numerusform>Un SMS a %n persona</numerusform>
            <numerusform>Un SMS a %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An email to %n people</source>
        <comment>An email to %n person</comment>
        <translation>
            <numerusform>Un correo a %n persona</numerusform>
            <numerusform>Un correo a %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On each of %n tickets: {what}</source>
        <comment>On %n ticket: {what}</comment>
        <translation>
            <numerusform>En %n ticket: {what}</numerusform>
            <numerusform>En cada uno de los %n tickets: {what}</numerusform>
        </translation>
    </message>
</context>
</TS>
