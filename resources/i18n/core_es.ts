<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>address_book</name>
    <message>
        <source>{name} has no email address.</source>
        <translation>{name} no tiene correo electrónico.</translation>
    </message>
    <message>
        <source>{name} has no phone number.</source>
        <translation>{name} no tiene número de teléfono.</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>Enter the contact's name.</source>
        <translation>Escriba el nombre del contacto.</translation>
    </message>
    <message>
        <source>Enter an email address or a phone number.</source>
        <translation>Escriba un correo electrónico o un número de teléfono.</translation>
    </message>
    <message>
        <source>Another contact is called “{name}”.</source>
        <translation>Otro contacto se llama «{name}».</translation>
    </message>
    <message>
        <source>A name cannot contain commas, semicolons or line breaks.</source>
        <translation>Un nombre no puede contener comas, puntos y comas ni saltos de línea.</translation>
    </message>
    <message>
        <source>The file is over {megabytes} MB.</source>
        <translation>El archivo pasa de {megabytes} MB.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>El archivo no es texto UTF-8.</translation>
    </message>
    <message>
        <source>The file's first row must name its columns: name, email, phone, groups.</source>
        <translation>La primera fila del archivo debe nombrar sus columnas: name, email, phone, groups.</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>Fila {row}: {problem}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <source>Title and description unknown: update it once in the form or give them in a CSV file.</source>
        <translation>Título y descripción desconocidos: actualícelo una vez en el formulario o indíquelos en un archivo CSV.</translation>
    </message>
    <message>
        <source>Not sent: the batch was cancelled before this update went out. Resend sends it, Discard gives it up.</source>
        <translation>No se envió: el lote se canceló antes de que saliera esta actualización. Reenviar la envía, Descartar renuncia a ella.</translation>
    </message>
    <message>
        <source>Not sent: this row needs attention.</source>
        <translation>No se envió: esta fila requiere atención.</translation>
    </message>
    <message>
        <source>Not sent: exactly this waits in the outbox already ({told}). “Send again” sends it again.</source>
        <translation>No se envió: exactamente esto ya espera en la bandeja de salida ({told}). «Volver a enviar» lo envía de nuevo.</translation>
    </message>
    <message>
        <source>Not sent: exactly this went to {ticket} at {when} ({told}). “Send again” sends it again.</source>
        <translation>No se envió: exactamente esto se envió a {ticket} el {when} ({told}). «Volver a enviar» lo envía de nuevo.</translation>
    </message>
    <message>
        <source>Waits behind item {item}, an earlier update of {ticket} that needs your decision: resend or discard that one in the outbox, and this one follows.</source>
        <translation>Espera detrás del elemento {item}, una actualización anterior de {ticket} que necesita su decisión: reenvíela o descártela en la bandeja de salida, y esta la seguirá.</translation>
    </message>
    <message>
        <source>Not queued again: exactly this is being sent.</source>
        <translation>No se volvió a poner en cola: exactamente esto se está enviando.</translation>
    </message>
    <message>
        <source>Not queued again: exactly this waits in the outbox.</source>
        <translation>No se volvió a poner en cola: exactamente esto espera en la bandeja de salida.</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <comment>%n sent</comment>
        <translation>
            <numerusform>%n enviada</numerusform>
            <numerusform>%n enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wait in the outbox</source>
        <comment>%n waits in the outbox</comment>
        <translation>
            <numerusform>%n espera en la bandeja de salida</numerusform>
            <numerusform>%n esperan en la bandeja de salida</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wait for your decision</source>
        <comment>%n waits for your decision</comment>
        <translation>
            <numerusform>%n espera su decisión</numerusform>
            <numerusform>%n esperan su decisión</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <comment>%n refused</comment>
        <translation>
            <numerusform>%n rechazada</numerusform>
            <numerusform>%n rechazadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeats, not sent</source>
        <comment>%n repeat, not sent</comment>
        <translation>
            <numerusform>%n repetición, no enviada</numerusform>
            <numerusform>%n repeticiones, no enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need attention, not sent</source>
        <comment>%n needs attention, not sent</comment>
        <translation>
            <numerusform>%n requiere atención, no enviada</numerusform>
            <numerusform>%n requieren atención, no enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent yet</source>
        <comment>%n not sent yet</comment>
        <translation>
            <numerusform>%n aún no enviada</numerusform>
            <numerusform>%n aún no enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows:</source>
        <comment>%n row:</comment>
        <translation>
            <numerusform>%n fila:</numerusform>
            <numerusform>%n filas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n of {total} updates were not sent; they wait in the outbox as batch {batch}, for you to resend or discard.</source>
        <comment>Cancelled: %n of {total} updates was not sent; it waits in the outbox as batch {batch}, for you to resend or discard.</comment>
        <translation>
            <numerusform>Cancelado: %n de {total} actualizaciones no se envió; espera en la bandeja de salida como lote {batch}, para que la reenvíe o la descarte.</numerusform>
            <numerusform>Cancelado: %n de {total} actualizaciones no se enviaron; esperan en la bandeja de salida como lote {batch}, para que las reenvíe o las descarte.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>usage:</source>
        <translation>uso:</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s: error: %(message)s</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>mostrar esta ayuda y salir</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>se requieren los siguientes argumentos: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>valor no válido: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor de tipo %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>se esperaba como máximo un argumento</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>se ignoró el argumento explícito %r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s podría coincidir con %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>cadena de opción inesperada: %s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>analizador desconocido %(parser_name)r (valores posibles: %(choices)s)</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite con el argumento %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>se requiere uno de los argumentos %s</translation>
    </message>
    <message>
        <source>{options}: an option of the window, not of a command</source>
        <translation>{options}: opción de la ventana, no de un comando</translation>
    </message>
    <message>
        <source>--demo sends to the built-in sandbox, which signs itself in: leave out {options}</source>
        <translation>--demo envía al entorno de pruebas integrado, que inicia sesión por sí solo: quite {options}</translation>
    </message>
    <message>
        <source>Update and create Particle Space maintenance tickets. Without a command the window opens; the commands do the window's work from a script (particle-tickets COMMAND --help says more of each).</source>
        <translation>Actualiza y crea tickets de mantenimiento de Particle Space. Sin un comando se abre la ventana; los comandos hacen el trabajo de la ventana desde un script (particle-tickets COMMAND --help explica cada uno).</translation>
    </message>
    <message>
        <source>connection (for the window and every command)</source>
        <translation>conexión (para la ventana y todos los comandos)</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>la ventana</translation>
    </message>
    <message>
        <source>ticket id to fill in</source>
        <translation>ID del ticket que se carga en el formulario</translation>
    </message>
    <message>
        <source>open the window offscreen, send one update to the sandbox, report each step, exit</source>
        <translation>abrir la ventana fuera de pantalla, enviar una actualización al entorno de pruebas, informar de cada paso y salir</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>mostrar la versión y salir</translation>
    </message>
    <message>
        <source>commands (without one, the window opens)</source>
        <translation>comandos (sin ninguno, se abre la ventana)</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>dirección de la API</translation>
    </message>
    <message>
        <source>Bearer token for the API</source>
        <translation>token Bearer para la API</translation>
    </message>
    <message>
        <source>secret key (sk_test_… or sk_live_…)</source>
        <translation>clave secreta (sk_test_… o sk_live_…)</translation>
    </message>
    <message>
        <source>publishable key (pk_…)</source>
        <translation>clave publicable (pk_…)</translation>
    </message>
    <message>
        <source>use the built-in sandbox, started in this process, and its own outbox: nothing leaves this computer</source>
        <translation>usar el entorno de pruebas integrado, iniciado en este proceso, y su propia bandeja de salida: nada sale de este equipo</translation>
    </message>
    <message>
        <source>print one JSON document on stdout</source>
        <translation>escribir un único documento JSON en stdout</translation>
    </message>
    <message>
        <source>connection (as the window's options)</source>
        <translation>conexión (como las opciones de la ventana)</translation>
    </message>
    <message>
        <source>update a ticket (or many, --from-csv)</source>
        <translation>actualizar un ticket (o varios, --from-csv)</translation>
    </message>
    <message>
        <source>Update a ticket, or one ticket per row of a CSV file.</source>
        <translation>Actualiza un ticket, o un ticket por cada fila de un archivo CSV.</translation>
    </message>
    <message>
        <source>the ticket, tic_…</source>
        <translation>el ticket, tic_…</translation>
    </message>
    <message>
        <source>create a ticket (or many, --from-csv)</source>
        <translation>crear un ticket (o varios, --from-csv)</translation>
    </message>
    <message>
        <source>Create a ticket, or one ticket per row of a CSV file.</source>
        <translation>Crea un ticket, o un ticket por cada fila de un archivo CSV.</translation>
    </message>
    <message>
        <source>list, send or discard what waits in the outbox</source>
        <translation>listar, enviar o descartar lo de la bandeja de salida</translation>
    </message>
    <message>
        <source>The window's outbox: what could not be sent yet.</source>
        <translation>La bandeja de salida de la ventana: lo que todavía no se pudo enviar.</translation>
    </message>
    <message>
        <source>list the waiting updates and the server each goes to</source>
        <translation>listar las actualizaciones pendientes y su servidor</translation>
    </message>
    <message>
        <source>send every waiting update that is safe to send, now</source>
        <translation>enviar ya lo pendiente que se pueda enviar sin riesgo</translation>
    </message>
    <message>
        <source>Send now every waiting update that was written for this server and account, whatever its next try; an update whose server asked to wait (Retry-After) waits until then, and one that needs a decision goes only with --retry. What was written for another server or account is listed, never sent.</source>
        <translation>Envía ahora cada actualización pendiente escrita para este servidor y esta cuenta, sea cual sea su próximo intento; una actualización cuyo servidor pidió esperar (Retry-After) espera hasta entonces, y una que requiere una decisión solo se envía con --retry. Lo escrito para otro servidor u otra cuenta se muestra, pero nunca se envía.</translation>
    </message>
    <message>
        <source>also send these items now, those waiting for a decision included</source>
        <translation>enviar también ahora estos elementos, incluidos los que esperan una decisión</translation>
    </message>
    <message>
        <source>send only this batch (what one command or CSV file queued)</source>
        <translation>enviar solo este lote (lo que puso en cola un comando o un archivo CSV)</translation>
    </message>
    <message>
        <source>give up updates</source>
        <translation>descartar actualizaciones</translation>
    </message>
    <message>
        <source>outbox item ids</source>
        <translation>ID de elementos de la bandeja de salida</translation>
    </message>
    <message>
        <source>give up every item of this batch</source>
        <translation>descartar todos los elementos de este lote</translation>
    </message>
    <message>
        <source>one ticket per row</source>
        <translation>un ticket por fila</translation>
    </message>
    <message>
        <source>with --from-csv: send the valid rows even if some are not</source>
        <translation>con --from-csv: enviar las filas válidas aunque algunas no lo sean</translation>
    </message>
    <message>
        <source>send it even if exactly this was sent to the same server and account in the last 24 hours, or still waits in the outbox (without it, such a repeat of an update that notifies people, or of a new ticket, is not sent: exit status 2)</source>
        <translation>enviarlo aunque exactamente esto se haya enviado al mismo servidor y cuenta en las últimas 24 horas, o siga pendiente en la bandeja de salida (sin esta opción, esa repetición de una actualización que notifica a personas, o de un ticket nuevo, no se envía: código de salida 2)</translation>
    </message>
    <message>
        <source>{text} is not an id (a whole number)</source>
        <translation>{text} no es un ID (un número entero)</translation>
    </message>
    <message>
        <source>{text} is not an id the outbox can hold (a whole number from 1 to {largest})</source>
        <translation>{text} no es un ID que admita la bandeja de salida (un número entero de 1 a {largest})</translation>
    </message>
    <message>
        <source>{flag} only counts with --notify; add --notify.</source>
        <translation>{flag} solo tiene efecto con --notify; agregue --notify.</translation>
    </message>
    <message>
        <source>Environment: PARTICLESPACE_API_BASE, PARTICLESPACE_TOKEN, PARTICLESPACE_SECRET_KEY, PARTICLESPACE_PUBLISH_KEY, PARTICLESPACE_CONNECT_TIMEOUT, PARTICLESPACE_READ_TIMEOUT, PARTICLESPACE_DEADLINE. Options win over the environment, the environment over the values the window stored. With --demo none of them counts: the sandbox runs in this process and signs itself in.</source>
        <translation>Variables de entorno: PARTICLESPACE_API_BASE, PARTICLESPACE_TOKEN, PARTICLESPACE_SECRET_KEY, PARTICLESPACE_PUBLISH_KEY, PARTICLESPACE_CONNECT_TIMEOUT, PARTICLESPACE_READ_TIMEOUT, PARTICLESPACE_DEADLINE. Las opciones prevalecen sobre las variables de entorno, y estas sobre los valores que guardó la ventana. Con --demo no cuenta ninguna: el entorno de pruebas se ejecuta en este proceso e inicia sesión por sí solo.</translation>
    </message>
    <message>
        <source>done: sent (outbox list, discard: listed, discarded)</source>
        <translation>hecho: enviado (outbox list, discard: listado, descartado)</translation>
    </message>
    <message>
        <source>not sent: the server refused it (4xx); the token or keys were rejected (it waits in the outbox for a decision); not signed in; the outbox unusable; stopped with Ctrl+C; an item being sent by another process</source>
        <translation>no enviado: el servidor lo rechazó (4xx); se rechazó el token o las claves (queda en la bandeja de salida a la espera de una decisión); sin sesión iniciada; la bandeja de salida no se puede usar; detenido con Ctrl+C; un elemento que otro proceso está enviando</translation>
    </message>
    <message>
        <source>invalid input, nothing sent: a mistyped option, a bad field or CSV row, a repeat (--again sends it), no such outbox item or batch, an item written for another server or account</source>
        <translation>entrada no válida, no se envió nada: una opción mal escrita, un campo o una fila CSV incorrectos, una repetición (--again la envía), un elemento o lote que no existe en la bandeja de salida, un elemento escrito para otro servidor u otra cuenta</translation>
    </message>
    <message>
        <source>not sent now, it waits in the outbox: the server is down or busy (outbox send sends it later), or it needs a decision (outbox send --retry ID, or outbox discard ID)</source>
        <translation>no enviado ahora, queda en la bandeja de salida: el servidor no está disponible o está ocupado (outbox send lo envía más tarde), o requiere una decisión (outbox send --retry ID, u outbox discard ID)</translation>
    </message>
    <message>
        <source>exit status of a command:</source>
        <translation>código de salida de un comando:</translation>
    </message>
    <message>
        <source>a command is needed: update, new or outbox</source>
        <translation>se necesita un comando: update, new u outbox</translation>
    </message>
    <message>
        <source>The outbox could not be used: {error}.</source>
        <translation>No se pudo usar la bandeja de salida: {error}.</translation>
    </message>
    <message>
        <source>The outbox could not be used (disk full, read-only or damaged): {error}.</source>
        <translation>No se pudo usar la bandeja de salida (disco lleno, de solo lectura o dañada): {error}.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {kind}: {error}</source>
        <translation>Ocurrió un error inesperado: {kind}: {error}</translation>
    </message>
    <message>
        <source>There is no item {item} in the outbox.</source>
        <translation>No hay ningún elemento {item} en la bandeja de salida.</translation>
    </message>
    <message>
        <source>There is no batch {batch} in the outbox.</source>
        <translation>No hay ningún lote {batch} en la bandeja de salida.</translation>
    </message>
    <message>
        <source>The outbox file was damaged; it was kept as {path} and a new, empty outbox was started.</source>
        <translation>El archivo de la bandeja de salida estaba dañado; se conservó como {path} y se creó una bandeja de salida nueva y vacía.</translation>
    </message>
    <message>
        <source>Item {item} (ticket {ticket}) was not sent: the server asked to wait until {time}.</source>
        <translation>El elemento {item} (ticket {ticket}) no se envió: el servidor pidió esperar hasta {time}.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message numerus="yes">
        <source>Sent {sent} of %n attempted</source>
        <comment>Sent {sent} of %n attempted</comment>
        <translation>
            <numerusform>Enviadas {sent} de %n intentada</numerusform>
            <numerusform>Enviadas {sent} de %n intentadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent: the server asked to wait until {time}</source>
        <translation>No se envió nada: el servidor pidió esperar hasta {time}</translation>
    </message>
    <message>
        <source>Nothing was sent</source>
        <translation>No se envió nada</translation>
    </message>
    <message numerus="yes">
        <source>{summary}; %n left in the outbox.</source>
        <comment>{summary}; %n left in the outbox.</comment>
        <translation>
            <numerusform>{summary}; queda %n en la bandeja de salida.</numerusform>
            <numerusform>{summary}; quedan %n en la bandeja de salida.</numerusform>
        </translation>
    </message>
    <message>
        <source>Item {item} was written for {server} with another account; this command sends to {here} and did not send it. Run it with that address and account, or `particle-tickets outbox discard {item}` gives it up.</source>
        <translation>El elemento {item} se escribió para {server} con otra cuenta; este comando envía a {here} y no lo envió. Ejecútelo con esa dirección y esa cuenta, o descártelo con `particle-tickets outbox discard {item}`.</translation>
    </message>
    <message>
        <source>Item {item} was written for {server}; this command sends to {here} and did not send it. Run it with that address and account, or `particle-tickets outbox discard {item}` gives it up.</source>
        <translation>El elemento {item} se escribió para {server}; este comando envía a {here} y no lo envió. Ejecútelo con esa dirección y esa cuenta, o descártelo con `particle-tickets outbox discard {item}`.</translation>
    </message>
    <message>
        <source>Item {item} is being sent right now.</source>
        <translation>El elemento {item} se está enviando en este momento.</translation>
    </message>
    <message>
        <source>Item {item} was not sent: it goes after item {older}, the earlier update to ticket {ticket} that waits in the outbox (`particle-tickets outbox send --retry {older} {item}` sends both).</source>
        <translation>El elemento {item} no se envió: va después del elemento {older}, la actualización anterior del ticket {ticket}, que está pendiente en la bandeja de salida (`particle-tickets outbox send --retry {older} {item}` envía los dos).</translation>
    </message>
    <message numerus="yes">
        <source>%n items were written for another server or account ({servers}) and not sent from here (`particle-tickets outbox list` shows them).</source>
        <comment>%n item was written for another server or account ({servers}) and not sent from here (`particle-tickets outbox list` shows them).</comment>
        <translation>
            <numerusform>%n elemento se escribió para otro servidor u otra cuenta ({servers}) y no se envió desde aquí (`particle-tickets outbox list` lo muestra).</numerusform>
            <numerusform>%n elementos se escribieron para otro servidor u otra cuenta ({servers}) y no se enviaron desde aquí (`particle-tickets outbox list` los muestra).</numerusform>
        </translation>
    </message>
    <message>
        <source>Name the items to discard (their ids), or --batch ID.</source>
        <translation>Indique los elementos que quiere descartar (sus ID), o --batch ID.</translation>
    </message>
    <message>
        <source>Item {item} is being sent right now; it cannot be discarded.</source>
        <translation>El elemento {item} se está enviando en este momento; no se puede descartar.</translation>
    </message>
    <message>
        <source>Discarded item {item} (ticket {ticket}).</source>
        <translation>Se descartó el elemento {item} (ticket {ticket}).</translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n items of batch {batch}.</source>
        <comment>Discarded %n item of batch {batch}.</comment>
        <translation>
            <numerusform>Se descartó %n elemento del lote {batch}.</numerusform>
            <numerusform>Se descartaron %n elementos del lote {batch}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Being sent right now, so not discarded: {ids}.</source>
        <translation>No se descartaron porque se están enviando en este momento: {ids}.</translation>
    </message>
    <message>
        <source>Sent first, from the outbox (item {item}):</source>
        <translation>Se envió primero, desde la bandeja de salida (elemento {item}):</translation>
    </message>
    <message>
        <source>nothing sent</source>
        <translation>no se envió nada</translation>
    </message>
    <message numerus="yes">
        <source>%n rows: {summary}.</source>
        <comment>%n row: {summary}.</comment>
        <translation>
            <numerusform>%n fila: {summary}.</numerusform>
            <numerusform>%n filas: {summary}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updates of this file wait in the outbox as batch {batch}: `particle-tickets outbox send --batch {batch}` sends them, `particle-tickets outbox discard --batch {batch}` gives them up.</source>
        <comment>%n update of this file waits in the outbox as batch {batch}: `particle-tickets outbox send --batch {batch}` sends it, `particle-tickets outbox discard --batch {batch}` gives it up.</comment>
        <translation>
            <numerusform>%n actualización de este archivo queda en la bandeja de salida como lote {batch}: `particle-tickets outbox send --batch {batch}` la envía, `particle-tickets outbox discard --batch {batch}` la descarta.</numerusform>
            <numerusform>%n actualizaciones de este archivo quedan en la bandeja de salida como lote {batch}: `particle-tickets outbox send --batch {batch}` las envía, `particle-tickets outbox discard --batch {batch}` las descarta.</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>La bandeja de salida está vacía.</translation>
    </message>
    <message>
        <source>`--retry {item}` sends it to {server}.</source>
        <translation>`--retry {item}` la envía a {server}.</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrado)</translation>
    </message>
    <message>
        <source>ticket {ticket}</source>
        <translation>ticket {ticket}</translation>
    </message>
    <message>
        <source>the ticket</source>
        <translation>el ticket</translation>
    </message>
    <message>
        <source>It waits in the outbox as item {item} (`particle-tickets outbox send` sends it).</source>
        <translation>Queda en la bandeja de salida como elemento {item} (`particle-tickets outbox send` la envía).</translation>
    </message>
    <message>
        <source>It waits in the outbox as item {item}: `particle-tickets outbox send --retry {item}` sends it again, `particle-tickets outbox discard {item}` gives it up.</source>
        <translation>Queda en la bandeja de salida como elemento {item}: `particle-tickets outbox send --retry {item}` la vuelve a enviar, `particle-tickets outbox discard {item}` la descarta.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TICKET</source>
        <translation>TICKET</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>ATTEMPTS</source>
        <translation>INTENTOS</translation>
    </message>
    <message>
        <source>BATCH</source>
        <translation>LOTE</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVIDOR</translation>
    </message>
    <message>
        <source>LAST ERROR</source>
        <translation>ÚLTIMO ERROR</translation>
    </message>
    <message>
        <source>row {row}:</source>
        <translation>fila {row}:</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <comment>%n sent</comment>
        <translation>
            <numerusform>%n enviada</numerusform>
            <numerusform>%n enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the outbox</source>
        <comment>%n waiting in the outbox</comment>
        <translation>
            <numerusform>%n pendiente en la bandeja de salida</numerusform>
            <numerusform>%n pendientes en la bandeja de salida</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the outbox for a decision</source>
        <comment>%n waiting in the outbox for a decision</comment>
        <translation>
            <numerusform>%n pendiente de decisión en la bandeja de salida</numerusform>
            <numerusform>%n pendientes de decisión en la bandeja de salida</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <comment>%n refused by the server</comment>
        <translation>
            <numerusform>%n rechazada por el servidor</numerusform>
            <numerusform>%n rechazadas por el servidor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>%n failed</comment>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid (skipped)</source>
        <comment>%n invalid (skipped)</comment>
        <translation>
            <numerusform>%n no válida (omitida)</numerusform>
            <numerusform>%n no válidas (omitidas)</numerusform>
        </translation>
    </message>
    <message>
        <source>--secret-key and --publish-key (or PARTICLESPACE_SECRET_KEY and PARTICLESPACE_PUBLISH_KEY)</source>
        <translation>--secret-key y --publish-key (o PARTICLESPACE_SECRET_KEY y PARTICLESPACE_PUBLISH_KEY)</translation>
    </message>
    <message>
        <source>--api-base (or PARTICLESPACE_API_BASE)</source>
        <translation>--api-base (o PARTICLESPACE_API_BASE)</translation>
    </message>
    <message>
        <source>Your keys were rejected: Particle Space refused the token it had just given. Check {keys}.</source>
        <translation>Sus claves fueron rechazadas: Particle Space rechazó el token que acababa de emitir. Revise {keys}.</translation>
    </message>
    <message>
        <source>Your keys were rejected (HTTP {status}). Check {keys}.</source>
        <translation>Sus claves fueron rechazadas (HTTP {status}). Revise {keys}.</translation>
    </message>
    <message>
        <source>The token was rejected ({label}). Check --token (or PARTICLESPACE_TOKEN), or ask for a new one.</source>
        <translation>Se rechazó el token ({label}). Revise --token (o PARTICLESPACE_TOKEN), o pida uno nuevo.</translation>
    </message>
    <message>
        <source>Particle Space does not offer creating tickets at this address ({label}). Check {address}.</source>
        <translation>Particle Space no permite crear tickets en esta dirección ({label}). Revise {address}.</translation>
    </message>
    <message>
        <source>Particle Space sent the request on to {target} ({label}). The app does not follow redirects, so nothing was sent there and nothing was applied. Check {address}.</source>
        <translation>Particle Space redirigió la solicitud a {target} ({label}). La aplicación no sigue redirecciones, así que no se envió nada allí ni se aplicó ningún cambio. Revise {address}.</translation>
    </message>
    <message>
        <source>Particle Space sent the request on to another address ({label}). The app does not follow redirects, so nothing was sent there and nothing was applied. Check {address}.</source>
        <translation>Particle Space redirigió la solicitud a otra dirección ({label}). La aplicación no sigue redirecciones, así que no se envió nada allí ni se aplicó ningún cambio. Revise {address}.</translation>
    </message>
    <message>
        <source>Not signed in: give --token (or PARTICLESPACE_TOKEN), or {keys}; --demo tries the built-in sandbox instead.</source>
        <translation>No ha iniciado sesión: indique --token (o PARTICLESPACE_TOKEN), o {keys}; --demo prueba en su lugar el entorno de pruebas integrado.</translation>
    </message>
    <message>
        <source>The preferences file {path} is not UTF-8 text. Correct or delete it.</source>
        <translation>El archivo de preferencias {path} no es texto UTF-8. Corríjalo o elimínelo.</translation>
    </message>
    <message>
        <source>The preferences file {path} is damaged. Correct or delete it.</source>
        <translation>El archivo de preferencias {path} está dañado. Corríjalo o elimínelo.</translation>
    </message>
    <message>
        <source>The preferences file {path} is damaged at line {line}. Correct or delete it.</source>
        <translation>El archivo de preferencias {path} está dañado en la línea {line}. Corríjalo o elimínelo.</translation>
    </message>
    <message>
        <source>“{key}” looks like a secret, and secrets are kept in the system's keychain or given with {keys}, never in {path}.</source>
        <translation>«{key}» parece un secreto, y los secretos se guardan en el llavero del sistema o se indican con {keys}, nunca en {path}.</translation>
    </message>
    <message>
        <source>The value of “{key}” looks like a key, and keys are kept in the system's keychain or given with {keys}, never in {path}.</source>
        <translation>El valor de «{key}» parece una clave, y las claves se guardan en el llavero del sistema o se indican con {keys}, nunca en {path}.</translation>
    </message>
    <message>
        <source>The server redirected the request (HTTP {status}), so nothing was applied: check {address}.</source>
        <translation>El servidor redirigió la solicitud (HTTP {status}), así que no se aplicó nada: revise {address}.</translation>
    </message>
    <message>
        <source>{problem}: nothing was applied. Give the right ones: --token (or PARTICLESPACE_TOKEN), or {keys}.</source>
        <translation>{problem}: no se aplicó nada. Indique los datos correctos: --token (o PARTICLESPACE_TOKEN), o {keys}.</translation>
    </message>
    <message>
        <source>{reason}, so the ticket may already have been created: check Particle Space.</source>
        <translation>{reason}, así que es posible que el ticket ya se haya creado: revise Particle Space.</translation>
    </message>
    <message>
        <source>{reason}, so people may already have been notified.</source>
        <translation>{reason}, así que es posible que ya se haya notificado a las personas.</translation>
    </message>
    <message>
        <source>Particle Space had a problem (HTTP {status}) and may have applied the update: check the ticket.</source>
        <translation>Particle Space tuvo un problema (HTTP {status}) y es posible que haya aplicado la actualización: revise el ticket.</translation>
    </message>
    <message>
        <source>Sending failed unexpectedly ({error}).</source>
        <translation>El envío falló de forma inesperada ({error}).</translation>
    </message>
    <message>
        <source>It waits in the outbox for a decision.</source>
        <translation>Queda en la bandeja de salida a la espera de una decisión.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Se detuvo.</translation>
    </message>
    <message>
        <source>Item {item} left the outbox while this command ran.</source>
        <translation>El elemento {item} salió de la bandeja de salida mientras se ejecutaba este comando.</translation>
    </message>
    <message>
        <source>Not sent yet: {why}</source>
        <translation>Todavía no se ha enviado: {why}</translation>
    </message>
    <message>
        <source>Not sent yet: it goes out after the earlier update to ticket {ticket} that waits in the outbox.</source>
        <translation>Todavía no se ha enviado: se enviará después de la actualización anterior del ticket {ticket}, que está pendiente en la bandeja de salida.</translation>
    </message>
    <message>
        <source>Not queued again: exactly this is being sent right now (by the window or another command).</source>
        <translation>No se volvió a poner en cola: exactamente esto se está enviando en este momento (desde la ventana u otro comando).</translation>
    </message>
    <message>
        <source>Not queued again: exactly this waits in the outbox already.</source>
        <translation>No se volvió a poner en cola: exactamente esto ya está pendiente en la bandeja de salida.</translation>
    </message>
    <message>
        <source>Not sent: exactly this new ticket already waits in the outbox as item {item} ({told}). --again creates another.</source>
        <translation>No se envió: exactamente este ticket nuevo ya está pendiente en la bandeja de salida como elemento {item} ({told}). --again crea otro.</translation>
    </message>
    <message>
        <source>Not sent: exactly this update to {ticket} already waits in the outbox as item {item} ({told}). --again sends it again.</source>
        <translation>No se envió: exactamente esta actualización de {ticket} ya está pendiente en la bandeja de salida como elemento {item} ({told}). --again la envía de nuevo.</translation>
    </message>
    <message>
        <source>Not sent: exactly this ticket was created at {when} as {ticket} ({told}). --again creates another.</source>
        <translation>No se envió: exactamente este ticket ya se creó el {when} como {ticket} ({told}). --again crea otro.</translation>
    </message>
    <message>
        <source>Not sent: exactly this ticket was created at {when} ({told}). --again creates another.</source>
        <translation>No se envió: exactamente este ticket ya se creó el {when} ({told}). --again crea otro.</translation>
    </message>
    <message>
        <source>Not sent: exactly this update went to {ticket} at {when} ({told}). --again sends it again.</source>
        <translation>No se envió: exactamente esta actualización ya se envió a {ticket} el {when} ({told}). --again la envía de nuevo.</translation>
    </message>
    <message>
        <source>sent {sent}/{total} ({failed} not sent)</source>
        <translation>enviadas {sent}/{total} ({failed} sin enviar)</translation>
    </message>
    <message>
        <source>sent {sent}/{total}</source>
        <translation>enviadas {sent}/{total}</translation>
    </message>
    <message>
        <source>Sending is not set up.</source>
        <translation>El envío no está configurado.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>No se envió nada.</translation>
    </message>
    <message>
        <source>With --from-csv the file gives every field; leave out {options}.</source>
        <translation>Con --from-csv el archivo da todos los campos; quite {options}.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>No se envió.</translation>
    </message>
    <message>
        <source>{file} has no ticket rows.</source>
        <translation>{file} no tiene filas de tickets.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n of {rows} rows need attention.</source>
        <comment>Nothing was sent: %n of {rows} rows needs attention.</comment>
        <translation>
            <numerusform>No se envió nada: %n de {rows} filas requiere atención.</numerusform>
            <numerusform>No se envió nada: %n de {rows} filas requieren atención.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n of {rows} rows need attention (--skip-invalid sends the others).</source>
        <comment>Nothing was sent: %n of {rows} rows needs attention (--skip-invalid sends the others).</comment>
        <translation>
            <numerusform>No se envió nada: %n de {rows} filas requiere atención (--skip-invalid envía las demás).</numerusform>
            <numerusform>No se envió nada: %n de {rows} filas requieren atención (--skip-invalid envía las demás).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n rows already wait in the outbox.</source>
        <comment>Nothing was sent: %n row already waits in the outbox.</comment>
        <translation>
            <numerusform>No se envió nada: %n fila ya está pendiente en la bandeja de salida.</numerusform>
            <numerusform>No se envió nada: %n filas ya están pendientes en la bandeja de salida.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>client</name>
    <message>
        <source>The update may or may not have been applied; check the ticket before sending it again.</source>
        <translation>Es posible que la actualización se haya aplicado o no; revise el ticket antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>Stopped waiting for the server.</source>
        <translation>Se dejó de esperar la respuesta del servidor.</translation>
    </message>
    <message>
        <source>Signed in to {host} with your test keys.</source>
        <translation>Sesión iniciada en {host} con sus claves de prueba.</translation>
    </message>
    <message>
        <source>Signed in to {host} with your live keys.</source>
        <translation>Sesión iniciada en {host} con sus claves de producción.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Sesión iniciada.</translation>
    </message>
    <message>
        <source>Reached {host}. The token is checked with the first update.</source>
        <translation>Se estableció conexión con {host}. El token se verificará con la primera actualización.</translation>
    </message>
    <message>
        <source>Your keys were rejected: Particle Space refused the token it had just given. Check them in Settings.</source>
        <translation>Sus claves fueron rechazadas: Particle Space rechazó el token que acababa de emitir. Revíselas en Configuración.</translation>
    </message>
    <message>
        <source>Your keys were rejected (HTTP {status}). Check them in Settings.</source>
        <translation>Sus claves fueron rechazadas (HTTP {status}). Revíselas en Configuración.</translation>
    </message>
    <message>
        <source>Particle Space accepted the keys but sent no usable token.</source>
        <translation>Particle Space aceptó las claves, pero no envió un token que se pueda usar.</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent.</source>
        <translation>Se canceló antes de enviar nada.</translation>
    </message>
    <message>
        <source>The CA bundle cannot be used: {reason}</source>
        <translation>No se puede usar el paquete de certificados de CA: {reason}</translation>
    </message>
    <message>
        <source>Could not connect securely to {host}: its certificate is not trusted. Nothing was sent.</source>
        <translation>No se pudo establecer una conexión segura con {host}: su certificado no es de confianza. No se envió nada.</translation>
    </message>
    <message>
        <source>Could not connect securely to {host}: the secure (TLS) connection failed. Nothing was sent.</source>
        <translation>No se pudo establecer una conexión segura con {host}: falló la conexión segura (TLS). No se envió nada.</translation>
    </message>
    <message>
        <source>Could not connect to {host} through the proxy (HTTPS_PROXY); nothing was sent. Check the proxy setting, or NO_PROXY.</source>
        <translation>No se pudo conectar con {host} a través del proxy (HTTPS_PROXY); no se envió nada. Revise la configuración del proxy, o NO_PROXY.</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds:g} s. Check the network; nothing was sent.</source>
        <translation>{host} no respondió en {seconds:g} s. Revise la red; no se envió nada.</translation>
    </message>
    <message>
        <source>No answer from {host} within {seconds:g} s.</source>
        <translation>No hubo respuesta de {host} en {seconds:g} s.</translation>
    </message>
    <message>
        <source>Could not find {host}. Check the API address and that this computer is online.</source>
        <translation>No se encontró {host}. Revise la dirección de la API y que esta computadora esté conectada a internet.</translation>
    </message>
    <message>
        <source>{host} refused the connection: the service is down or the address is wrong.</source>
        <translation>{host} rechazó la conexión: el servicio no está disponible o la dirección es incorrecta.</translation>
    </message>
    <message>
        <source>Could not connect to {host}. Check that this computer is online.</source>
        <translation>No se pudo conectar con {host}. Revise que esta computadora esté conectada a internet.</translation>
    </message>
    <message>
        <source>The API address or token cannot be used: {reason}</source>
        <translation>No se puede usar la dirección de la API o el token: {reason}</translation>
    </message>
    <message>
        <source>The connection to {host} broke.</source>
        <translation>Se interrumpió la conexión con {host}.</translation>
    </message>
    <message>
        <source>The token was rejected ({label}). Check the token or ask for a new one.</source>
        <translation>El token fue rechazado ({label}). Revise el token o solicite uno nuevo.</translation>
    </message>
    <message>
        <source>Particle Space does not offer creating tickets at this address ({label}). Check the API address in Settings.</source>
        <translation>Particle Space no permite crear tickets en esta dirección ({label}). Revise la dirección de la API en Configuración.</translation>
    </message>
    <message>
        <source>Particle Space has no ticket “{ticket_id}”.</source>
        <translation>Particle Space no tiene ningún ticket «{ticket_id}».</translation>
    </message>
    <message>
        <source>No ticket with this id.</source>
        <translation>No hay ningún ticket con este ID.</translation>
    </message>
    <message>
        <source>Particle Space is busy (HTTP {status}).</source>
        <translation>Particle Space está ocupado (HTTP {status}).</translation>
    </message>
    <message>
        <source>Particle Space is busy (HTTP {status}) and asked to wait {wait}.</source>
        <translation>Particle Space está ocupado (HTTP {status}) y pidió esperar {wait}.</translation>
    </message>
    <message>
        <source>Particle Space refused the update: {said}</source>
        <translation>Particle Space rechazó la actualización: {said}</translation>
    </message>
    <message>
        <source>Particle Space refused some values; see the marked fields.</source>
        <translation>Particle Space rechazó algunos valores; revise los campos marcados.</translation>
    </message>
    <message>
        <source>Particle Space refused the update ({label}).</source>
        <translation>Particle Space rechazó la actualización ({label}).</translation>
    </message>
    <message>
        <source>Particle Space had a problem ({label}).</source>
        <translation>Particle Space tuvo un problema ({label}).</translation>
    </message>
    <message>
        <source>It said: {said}</source>
        <translation>Su mensaje: {said}</translation>
    </message>
    <message>
        <source>Particle Space sent the request on to {target} ({label}). The app does not follow redirects, so nothing was sent there and nothing was applied. Check the API address in Settings.</source>
        <translation>Particle Space redirigió la solicitud a {target} ({label}). La aplicación no sigue redirecciones, así que no se envió nada allí ni se aplicó ningún cambio. Revise la dirección de la API en Configuración.</translation>
    </message>
    <message>
        <source>Particle Space sent the request on to another address ({label}). The app does not follow redirects, so nothing was sent there and nothing was applied. Check the API address in Settings.</source>
        <translation>Particle Space redirigió la solicitud a otra dirección ({label}). La aplicación no sigue redirecciones, así que no se envió nada allí ni se aplicó ningún cambio. Revise la dirección de la API en Configuración.</translation>
    </message>
    <message>
        <source>Unexpected answer from Particle Space ({label}).</source>
        <translation>Respuesta inesperada de Particle Space ({label}).</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>Not signed in: open Settings and enter your keys (or a token).</source>
        <translation>No ha iniciado sesión: abra la Configuración y escriba sus claves (o un token).</translation>
    </message>
    <message>
        <source>“{value}” is not a number of seconds.</source>
        <translation>«{value}» no es una cantidad de segundos.</translation>
    </message>
    <message>
        <source>A timeout of {value} s is outside 0.1 to 600 s.</source>
        <translation>Un tiempo de espera de {value} s está fuera del rango de 0.1 a 600 s.</translation>
    </message>
    <message>
        <source>The API address contains control characters.</source>
        <translation>La dirección de la API contiene caracteres de control.</translation>
    </message>
    <message>
        <source>“{url}” is not a usable API address; it should look like {example}.</source>
        <translation>«{url}» no es una dirección de API que se pueda usar; debería tener la forma {example}.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: the token would travel unencrypted. Plain http is allowed only to 127.0.0.1 to 127.255.255.255, ::1 and localhost; use an https:// address.</source>
        <translation>Se rechaza http sin cifrar hacia {host}: el token viajaría sin cifrar. El http sin cifrar solo se permite hacia 127.0.0.1 a 127.255.255.255, ::1 y localhost; use una dirección https://.</translation>
    </message>
</context>
<context>
    <name>contacts</name>
    <message>
        <source>“{entry}” is not a valid email address: {detail}</source>
        <translation>«{entry}» no es una dirección de correo electrónico válida.</translation>
    </message>
    <message>
        <source>“{entry}” is not a phone number.</source>
        <translation>«{entry}» no es un número de teléfono.</translation>
    </message>
    <message>
        <source>“{entry}” is not a valid phone number.</source>
        <translation>«{entry}» no es un número de teléfono válido.</translation>
    </message>
    <message>
        <source>“{entry}” has an extension; text messages cannot reach extensions.</source>
        <translation>«{entry}» tiene una extensión; los mensajes de texto no pueden llegar a extensiones.</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>This contains spaces, line breaks or control characters.</source>
        <translation>Contiene espacios, saltos de línea o caracteres de control.</translation>
    </message>
    <message>
        <source>A secret key starts with sk_test_ or sk_live_.</source>
        <translation>Una clave secreta empieza con sk_test_ o sk_live_.</translation>
    </message>
    <message>
        <source>A publishable key starts with pk_test_ or pk_live_.</source>
        <translation>Una clave publicable empieza con pk_test_ o pk_live_.</translation>
    </message>
    <message>
        <source>This is a test key but the secret key is a live key: use the two keys of one pair.</source>
        <translation>Esta es una clave de prueba, pero la clave secreta es de producción: use las dos claves de un mismo par.</translation>
    </message>
    <message>
        <source>This is a live key but the secret key is a test key: use the two keys of one pair.</source>
        <translation>Esta es una clave de producción, pero la clave secreta es de prueba: use las dos claves de un mismo par.</translation>
    </message>
</context>
<context>
    <name>csv_rows</name>
    <message>
        <source>{path} is not UTF-8 text (byte {byte}); save it as CSV UTF-8.</source>
        <translation>{path} no es texto UTF-8 (byte {byte}); guárdelo como CSV UTF-8.</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>The file is empty; row 1 names the fields.</source>
        <translation>El archivo está vacío; la fila 1 nombra los campos.</translation>
    </message>
    <message>
        <source>This is not valid CSV: {error}.</source>
        <translation>Esto no es un CSV válido: {error}.</translation>
    </message>
    <message>
        <source>“{text}” is not a date and time; write it as ISO 8601, like 2026-12-01T09:00 (local time) or 2026-12-01T09:00:00-05:00.</source>
        <translation>«{text}» no es una fecha y hora; escríbala en ISO 8601, como 2026-12-01T09:00 (hora local) o 2026-12-01T09:00:00-05:00.</translation>
    </message>
    <message>
        <source>Write 0 or 1, not an empty cell.</source>
        <translation>Escriba 0 o 1, no una celda vacía.</translation>
    </message>
    <message>
        <source>Write 0 or 1, not “{value}”.</source>
        <translation>Escriba 0 o 1, no «{value}».</translation>
    </message>
    <message>
        <source>Write email or sms, not “{value}”.</source>
        <translation>Escriba email o sms, no «{value}».</translation>
    </message>
    <message>
        <source>A column has no name; name it or delete it.</source>
        <translation>Una columna no tiene nombre; póngale uno o elimínela.</translation>
    </message>
    <message>
        <source>Not a field of the form (the fields: {known}).</source>
        <translation>No es un campo del formulario (los campos: {known}).</translation>
    </message>
    <message>
        <source>This column appears more than once.</source>
        <translation>Esta columna aparece más de una vez.</translation>
    </message>
    <message>
        <source>This column is missing; every file needs it.</source>
        <translation>Falta esta columna; todos los archivos la necesitan.</translation>
    </message>
    <message>
        <source>This row has {cells} cells but the header names {columns} columns.</source>
        <translation>Esta fila tiene {cells} celdas, pero el encabezado nombra {columns} columnas.</translation>
    </message>
</context>
<context>
    <name>delivery</name>
    <message>
        <source>You stopped waiting for the server; it may already have applied this update.</source>
        <translation>Dejó de esperar al servidor; es posible que ya haya aplicado esta actualización.</translation>
    </message>
</context>
<context>
    <name>destination</name>
    <message>
        <source>the sandbox</source>
        <translation>el entorno de pruebas</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>The saved draft could not be read ({reason}).</source>
        <translation>No se pudo leer el borrador guardado ({reason}).</translation>
    </message>
    <message>
        <source>The saved draft was damaged and could not be restored.</source>
        <translation>El borrador guardado estaba dañado y no se pudo restaurar.</translation>
    </message>
    <message>
        <source>It could not be moved aside.</source>
        <translation>Tampoco se pudo apartar el archivo.</translation>
    </message>
    <message>
        <source>It was kept as {name}.</source>
        <translation>Se conservó como {name}.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>%n fields need your attention.</source>
        <comment>%n field needs your attention.</comment>
        <translation>
            <numerusform>%n campo requiere su atención.</numerusform>
            <numerusform>%n campos requieren su atención.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>the ticket's title</source>
        <translation>el título del ticket</translation>
    </message>
    <message>
        <source>what is wrong, where, and what was done</source>
        <translation>qué falla, dónde y qué se hizo</translation>
    </message>
    <message>
        <source>the flow or column, e.g. NEW, ON_HOLD</source>
        <translation>el flujo o la columna, p. ej., NEW, ON_HOLD</translation>
    </message>
    <message>
        <source>notify people (with --contacts)</source>
        <translation>notificar a personas (con --contacts)</translation>
    </message>
    <message>
        <source>when to notify: 2026-12-01T09:00 (local) or with an offset; default now</source>
        <translation>cuándo notificar: 2026-12-01T09:00 (hora local) o con desfase horario; por defecto, ahora</translation>
    </message>
    <message>
        <source>how to notify (default email)</source>
        <translation>cómo notificar (por defecto, email)</translation>
    </message>
    <message>
        <source>comma-separated emails or phone numbers</source>
        <translation>correos electrónicos o números de teléfono separados por comas</translation>
    </message>
    <message>
        <source>the notification's subject</source>
        <translation>el asunto de la notificación</translation>
    </message>
    <message>
        <source>the notification's message</source>
        <translation>el mensaje de la notificación</translation>
    </message>
    <message>
        <source>notify again if the ticket stays in a flow</source>
        <translation>volver a notificar si el ticket permanece en un flujo</translation>
    </message>
</context>
<context>
    <name>keychain</name>
    <message>
        <source>The keychain refused to read your keys ({reason}).</source>
        <translation>El llavero del sistema no permitió leer sus claves ({reason}).</translation>
    </message>
    <message>
        <source>The keychain refused to store your keys ({reason}).</source>
        <translation>El llavero del sistema no permitió guardar sus claves ({reason}).</translation>
    </message>
    <message>
        <source>The keychain refused to remove your keys ({reason}).</source>
        <translation>El llavero del sistema no permitió eliminar sus claves ({reason}).</translation>
    </message>
</context>
<context>
    <name>local_time</name>
    <message>
        <source>{time} does not exist here: the clocks jump from {start} to {end} that day. Use {suggestion}.</source>
        <translation>{time} no existe aquí: ese día los relojes saltan de las {start} a las {end}. Use {suggestion}.</translation>
    </message>
    <message>
        <source>{time} happens twice here: the clocks go back from {start} to {end} that day. Give {earlier} (before they go back) or {later} (after).</source>
        <translation>{time} ocurre dos veces aquí: ese día los relojes retroceden de las {start} a las {end}. Indique {earlier} (antes de que retrocedan) o {later} (después).</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>The app stopped while this update was being sent; it may have arrived.</source>
        <translation>La aplicación se cerró mientras se enviaba esta actualización; es posible que haya llegado.</translation>
    </message>
    <message>
        <source>The app stopped while this update was being sent; it goes out again (no one is notified).</source>
        <translation>La aplicación se cerró mientras se enviaba esta actualización; se enviará de nuevo (no se notifica a nadie).</translation>
    </message>
    <message>
        <source>Queued by an earlier version of the app, which did not record the server and account it was for: nothing sends it by itself.</source>
        <translation>La puso en cola una versión anterior de la aplicación, que no guardaba el servidor ni la cuenta a los que iba dirigida: nada la envía por sí solo.</translation>
    </message>
    <message>
        <source>The outbox {path} was written by a newer version of the app (schema {version}; this app knows {known}).</source>
        <translation>La bandeja de salida {path} fue escrita por una versión más reciente de la aplicación (esquema {version}; esta aplicación admite hasta el {known}).</translation>
    </message>
    <message>
        <source>The outbox file was damaged. It was kept as {name}, and a new, empty outbox was started.</source>
        <translation>El archivo de la bandeja de salida estaba dañado. Se conservó como {name} y se creó una bandeja de salida nueva y vacía.</translation>
    </message>
</context>
<context>
    <name>preferences</name>
    <message>
        <source>the preferences file</source>
        <translation>el archivo de preferencias</translation>
    </message>
    <message>
        <source>“{key}” is not a preference; they are: {keys}.</source>
        <translation>«{key}» no es una preferencia; las preferencias son: {keys}.</translation>
    </message>
    <message>
        <source>The preferences file {path} could not be read: {reason}.</source>
        <translation>No se pudo leer el archivo de preferencias {path}: {reason}.</translation>
    </message>
    <message>
        <source>The preferences file {path} is not UTF-8 text. Correct or delete it, then check Settings.</source>
        <translation>El archivo de preferencias {path} no es texto UTF-8. Corríjalo o elimínelo y luego revise la Configuración.</translation>
    </message>
    <message>
        <source>The value of “{key}” cannot be kept in {path}: it begins or ends with a space or holds a line break.</source>
        <translation>El valor de «{key}» no se puede guardar en {path}: empieza o termina con un espacio o contiene un salto de línea.</translation>
    </message>
    <message>
        <source>The preferences could not be saved in {path}: {reason}.</source>
        <translation>No se pudieron guardar las preferencias en {path}: {reason}.</translation>
    </message>
    <message>
        <source>“{key}” looks like a secret, and secrets are kept in the system's keychain (enter them in Settings), never in {path}.</source>
        <translation>«{key}» parece un secreto, y los secretos se guardan en el llavero del sistema (ingréselos en Configuración), nunca en {path}.</translation>
    </message>
    <message>
        <source>The value of “{key}” looks like a key, and keys are kept in the system's keychain (enter them in Settings), never in {path}.</source>
        <translation>El valor de «{key}» parece una clave, y las claves se guardan en el llavero del sistema (ingréselas en Configuración), nunca en {path}.</translation>
    </message>
    <message>
        <source>The preferences file {path} is damaged. Correct or delete it, then check Settings.</source>
        <translation>El archivo de preferencias {path} está dañado. Corríjalo o elimínelo y luego revise la Configuración.</translation>
    </message>
    <message>
        <source>The preferences file {path} is damaged at line {line}. Correct or delete it, then check Settings.</source>
        <translation>El archivo de preferencias {path} está dañado en la línea {line}. Corríjalo o elimínelo y luego revise la Configuración.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Something unexpected went wrong (the details are in the log). Check the ticket before sending the update again.</source>
        <translation>Ocurrió un error inesperado (los detalles están en el registro). Revise el ticket antes de enviar la actualización de nuevo.</translation>
    </message>
    <message>
        <source>Stopped waiting for the server.</source>
        <translation>Se dejó de esperar al servidor.</translation>
    </message>
    <message>
        <source>Ticket {ticket} created.</source>
        <translation>Ticket {ticket} creado.</translation>
    </message>
    <message>
        <source>Ticket created; Particle Space did not say its id.</source>
        <translation>Ticket creado; Particle Space no indicó su ID.</translation>
    </message>
    <message>
        <source>Ticket {ticket} updated.</source>
        <translation>Ticket {ticket} actualizado.</translation>
    </message>
    <message>
        <source>status {status}</source>
        <translation>el estado {status}</translation>
    </message>
    <message>
        <source>title “{title}”</source>
        <translation>el título «{title}»</translation>
    </message>
    <message>
        <source>Particle Space now has {details}.</source>
        <translation>Particle Space ahora tiene {details}.</translation>
    </message>
    <message numerus="yes">
        <source>Saved in the outbox. It goes out after the %n earlier updates to ticket {ticket} that are still waiting there.</source>
        <comment>Saved in the outbox. It goes out after the earlier update to ticket {ticket} that is still waiting there.</comment>
        <translation>
            <numerusform>Guardada en la bandeja de salida. Se enviará después de la actualización anterior del ticket {ticket}, que todavía está pendiente allí.</numerusform>
            <numerusform>Guardada en la bandeja de salida. Se enviará después de las %n actualizaciones anteriores del ticket {ticket}, que todavía están pendientes allí.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server may already have created the ticket (a request cannot be taken back once sent); check Particle Space before sending it again.</source>
        <translation>Es posible que el servidor ya haya creado el ticket (una solicitud no se puede deshacer una vez enviada); revise Particle Space antes de enviarlo de nuevo.</translation>
    </message>
    <message>
        <source>The server may already have applied the update (a request cannot be taken back once sent); check ticket {ticket} before sending it again.</source>
        <translation>Es posible que el servidor ya haya aplicado la actualización (una solicitud enviada no se puede deshacer); revise el ticket {ticket} antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>PARTICLESPACE_DEADLINE sets how long the app waits (in seconds).</source>
        <translation>PARTICLESPACE_DEADLINE fija cuánto espera la aplicación (en segundos).</translation>
    </message>
    <message>
        <source>No complete answer within {seconds:g} s, so the app stopped waiting.</source>
        <translation>No llegó una respuesta completa en {seconds:g} s, así que la aplicación dejó de esperar.</translation>
    </message>
    <message>
        <source>The update waits in the outbox and goes out by itself.</source>
        <translation>La actualización queda en la bandeja de salida y se enviará automáticamente.</translation>
    </message>
    <message>
        <source>It waits in the outbox: resend or discard it there.</source>
        <translation>Queda en la bandeja de salida: reenvíela o descártela desde allí.</translation>
    </message>
    <message numerus="yes">
        <source>%n updates waiting</source>
        <comment>%n update waiting</comment>
        <translation>
            <numerusform>%n actualización pendiente</numerusform>
            <numerusform>%n actualizaciones pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updates are still in the sandbox's outbox. They stay there and go out the next time you try the sandbox.</source>
        <comment>%n update is still in the sandbox's outbox. It stays there and goes out the next time you try the sandbox.</comment>
        <translation>
            <numerusform>Todavía hay %n actualización en la bandeja de salida del entorno de pruebas. Se queda allí y se enviará la próxima vez que pruebe el entorno de pruebas.</numerusform>
            <numerusform>Todavía hay %n actualizaciones en la bandeja de salida del entorno de pruebas. Se quedan allí y se enviarán la próxima vez que pruebe el entorno de pruebas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updates are still in the outbox. They stay there and go out the next time you open Particle Tickets.</source>
        <comment>%n update is still in the outbox. It stays there and goes out the next time you open Particle Tickets.</comment>
        <translation>
            <numerusform>Todavía hay %n actualización en la bandeja de salida. Se queda allí y se enviará la próxima vez que abra Particle Tickets.</numerusform>
            <numerusform>Todavía hay %n actualizaciones en la bandeja de salida. Se quedan allí y se enviarán la próxima vez que abra Particle Tickets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updates in the outbox were written for another server or account; they go out only when the app sends there again.</source>
        <comment>%n update in the outbox was written for another server or account; it goes out only when the app sends there again.</comment>
        <translation>
            <numerusform>%n actualización de la bandeja de salida se escribió para otro servidor o cuenta; solo se envía cuando la aplicación vuelva a enviar allí.</numerusform>
            <numerusform>%n actualizaciones de la bandeja de salida se escribieron para otro servidor o cuenta; solo se envían cuando la aplicación vuelva a enviar allí.</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox could not be written (the disk may be full or the data folder read-only: {reason}). What you typed is still in the form.</source>
        <translation>No se pudo escribir en la bandeja de salida (puede que el disco esté lleno o que la carpeta de datos sea de solo lectura: {reason}). Lo que escribió sigue en el formulario.</translation>
    </message>
    <message>
        <source>The outbox could not be written (disk full, read-only data folder or a damaged file: {reason}). What you typed is still in the form.</source>
        <translation>No se pudo escribir en la bandeja de salida (disco lleno, carpeta de datos de solo lectura o archivo dañado: {reason}). Lo que escribió sigue en el formulario.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong with the outbox; the details are in the log.</source>
        <translation>Ocurrió un error inesperado con la bandeja de salida; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>nobody notified</source>
        <translation>no se notificó a nadie</translation>
    </message>
    <message numerus="yes">
        <source>SMS to %n people</source>
        <comment>SMS to %n person</comment>
        <translation>
            <numerusform>SMS a %n persona</numerusform>
            <numerusform>SMS a %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>email to %n people</source>
        <comment>email to %n person</comment>
        <translation>
            <numerusform>correo electrónico a %n persona</numerusform>
            <numerusform>correo electrónico a %n personas</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket {ticket} created at {when} · {told}.</source>
        <translation>Ticket {ticket} creado a las {when} · {told}.</translation>
    </message>
    <message>
        <source>Ticket {ticket} updated at {when} · {told}.</source>
        <translation>Ticket {ticket} actualizado a las {when} · {told}.</translation>
    </message>
    <message>
        <source>Ticket created at {when} · {told}. Particle Space did not say its id.</source>
        <translation>Ticket creado a las {when} · {told}. Particle Space no indicó su ID.</translation>
    </message>
    <message>
        <source>Exactly this new ticket is already waiting in the outbox ({told}). Create another?</source>
        <translation>Exactamente este ticket nuevo ya está pendiente en la bandeja de salida ({told}). ¿Desea crear otro?</translation>
    </message>
    <message>
        <source>Exactly this update to {ticket} is already waiting in the outbox ({told}). Send it again?</source>
        <translation>Exactamente esta actualización de {ticket} ya está pendiente en la bandeja de salida ({told}). ¿Desea enviarla de nuevo?</translation>
    </message>
    <message>
        <source>You created exactly this ticket at {when} ({told}). Create another?</source>
        <translation>Ya creó exactamente este ticket a las {when} ({told}). ¿Desea crear otro?</translation>
    </message>
    <message>
        <source>You sent exactly this to {ticket} at {when} ({told}). Send it again?</source>
        <translation>Ya envió exactamente esto a {ticket} a las {when} ({told}). ¿Desea enviarlo de nuevo?</translation>
    </message>
    <message>
        <source>Nothing changes for {ticket} and nobody is notified: press Update again to send it anyway.</source>
        <translation>No hay cambios en {ticket} y no se notificará a nadie: pulse Actualizar de nuevo para enviar la actualización de todos modos.</translation>
    </message>
    <message numerus="yes">
        <source>%n updates need your decision in the outbox.</source>
        <comment>%n update needs your decision in the outbox.</comment>
        <translation>
            <numerusform>%n actualización de la bandeja de salida requiere su decisión.</numerusform>
            <numerusform>%n actualizaciones de la bandeja de salida requieren su decisión.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server may already have the update that is being sent. It waits in the outbox for your decision: resend or discard it there at the next start.</source>
        <translation>Es posible que el servidor ya tenga la actualización que se está enviando. Queda en la bandeja de salida a la espera de su decisión: reenvíela o descártela desde allí la próxima vez que abra la aplicación.</translation>
    </message>
    <message>
        <source>Title, description and status will replace what Particle Space has</source>
        <translation>El título, la descripción y el estado reemplazarán lo que tiene Particle Space</translation>
    </message>
    <message>
        <source>Status {old} → {new}</source>
        <translation>Estado {old} → {new}</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>No change to title, description or status</source>
        <translation>Sin cambios en el título, la descripción ni el estado</translation>
    </message>
</context>
<context>
    <name>retry</name>
    <message>
        <source>Particle Space is busy (HTTP {status}) and asked to wait {wait}</source>
        <translation>Particle Space está ocupado (HTTP {status}) y pidió esperar {wait}</translation>
    </message>
    <message>
        <source>Particle Space is busy (HTTP {status})</source>
        <translation>Particle Space está ocupado (HTTP {status})</translation>
    </message>
    <message>
        <source>{reason}, so the ticket may already have been created: check, then resend or discard it.</source>
        <translation>{reason}, así que es posible que el ticket ya se haya creado: verifíquelo y luego reenvíelo o descártelo.</translation>
    </message>
    <message>
        <source>{reason}, so people may already have been notified: resend or discard it.</source>
        <translation>{reason}, así que es posible que ya se haya notificado a las personas: reenvíela o descártela.</translation>
    </message>
    <message>
        <source>{reason}; without notifications it is safe to resend</source>
        <translation>{reason}; sin notificaciones, se puede reenviar sin riesgo</translation>
    </message>
    <message>
        <source>The server redirected the request (HTTP {status}), so nothing was applied: check the API address in Settings, then resend.</source>
        <translation>El servidor redirigió la solicitud (HTTP {status}), así que no se aplicó nada: revise la dirección de la API en Configuración y luego reenvíela.</translation>
    </message>
    <message>
        <source>Particle Space had a problem (HTTP {status}) and may have applied the update: check the ticket, then resend or discard it.</source>
        <translation>Particle Space tuvo un problema (HTTP {status}) y es posible que haya aplicado la actualización: revise el ticket y luego reenvíela o descártela.</translation>
    </message>
    <message>
        <source>{problem}: nothing was applied; fix it in Settings, then resend.</source>
        <translation>{problem}: no se aplicó nada; corríjalo en Configuración y luego reenvíela.</translation>
    </message>
    <message>
        <source>Sending failed unexpectedly ({error}): resend or discard it.</source>
        <translation>El envío falló de forma inesperada ({error}): reenvíela o descártela.</translation>
    </message>
    <message>
        <source>{reason}; next try in {delay}.</source>
        <translation>{reason}; próximo intento en {delay}.</translation>
    </message>
    <message>
        <source>The server refused the connection, so nothing was sent</source>
        <translation>El servidor rechazó la conexión, así que no se envió nada</translation>
    </message>
    <message>
        <source>Could not find the server (DNS), so nothing was sent</source>
        <translation>No se encontró el servidor (DNS), así que no se envió nada</translation>
    </message>
    <message>
        <source>Could not connect securely (TLS), so nothing was sent</source>
        <translation>No se pudo establecer una conexión segura (TLS), así que no se envió nada</translation>
    </message>
    <message>
        <source>The server did not accept the connection in time, so nothing was sent</source>
        <translation>El servidor no aceptó la conexión a tiempo, así que no se envió nada</translation>
    </message>
    <message>
        <source>Could not reach the server, so nothing was sent</source>
        <translation>No se pudo contactar al servidor, así que no se envió nada</translation>
    </message>
    <message>
        <source>No answer in time after the update was sent</source>
        <translation>No hubo respuesta a tiempo después de enviar la actualización</translation>
    </message>
    <message>
        <source>The connection broke after the update was sent</source>
        <translation>La conexión se interrumpió después de enviar la actualización</translation>
    </message>
    <message>
        <source>Sending was stopped, but the update may already have arrived</source>
        <translation>Se detuvo el envío, pero es posible que la actualización ya haya llegado</translation>
    </message>
    <message>
        <source>A gateway between here and Particle Space failed (HTTP {status})</source>
        <translation>Falló una puerta de enlace entre este equipo y Particle Space (HTTP {status})</translation>
    </message>
    <message>
        <source>The token was rejected</source>
        <translation>El token fue rechazado</translation>
    </message>
    <message>
        <source>The keys were rejected</source>
        <translation>Las claves fueron rechazadas</translation>
    </message>
    <message>
        <source>The keychain could not be read</source>
        <translation>No se pudo leer el llavero del sistema</translation>
    </message>
    <message>
        <source>Sending is not set up correctly</source>
        <translation>El envío no está configurado correctamente</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <comment>%n day</comment>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation>más de un año</translation>
    </message>
</context>
<context>
    <name>sender</name>
    <message>
        <source>Sending is not set up.</source>
        <translation>El envío no está configurado.</translation>
    </message>
</context>
<context>
    <name>sms</name>
    <message numerus="yes">
        <source>{characters} and %n more</source>
        <comment>{characters} and %n more</comment>
        <translation>
            <numerusform>{characters} y %n más</numerusform>
            <numerusform>{characters} y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>“{character}”</source>
        <translation>«{character}»</translation>
    </message>
    <message numerus="yes">
        <source>This SMS takes %n parts; at most {maximum} are sent.</source>
        <comment>This SMS takes %n part; at most {maximum} are sent.</comment>
        <translation>
            <numerusform>Este SMS ocupa %n parte; como máximo se envían {maximum}.</numerusform>
            <numerusform>Este SMS ocupa %n partes; como máximo se envían {maximum}.</numerusform>
        </translation>
    </message>
    <message>
        <source>A part holds {per_part} characters.</source>
        <translation>Una parte admite {per_part} caracteres.</translation>
    </message>
    <message>
        <source>It goes as Unicode, {per_part} characters a part, because of {characters}.</source>
        <translation>Se envía como Unicode, {per_part} caracteres por parte, por {characters}.</translation>
    </message>
</context>
<context>
    <name>statuses</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
</context>
<context>
    <name>template_files</name>
    <message>
        <source>The file is larger than {limit:,} bytes: it is not a templates file.</source>
        <translation>El archivo tiene más de {limit:,} bytes: no es un archivo de plantillas.</translation>
    </message>
    <message>
        <source>The file is damaged: it stops making sense at line {line}, column {column}.</source>
        <translation>El archivo está dañado: deja de tener sentido en la línea {line}, columna {column}.</translation>
    </message>
    <message>
        <source>The file was written by a newer version of the app (version {version}; this app reads version {known}).</source>
        <translation>El archivo lo escribió una versión más reciente de la aplicación (versión {version}; esta aplicación lee la versión {known}).</translation>
    </message>
    <message>
        <source>The file has more than {limit:,} templates.</source>
        <translation>El archivo tiene más de {limit:,} plantillas.</translation>
    </message>
    <message>
        <source>An earlier template has the same name.</source>
        <translation>Una plantilla anterior tiene el mismo nombre.</translation>
    </message>
    <message>
        <source>It is not a template.</source>
        <translation>No es una plantilla.</translation>
    </message>
    <message>
        <source>Its {field} is missing or not text.</source>
        <translation>Su {field} falta o no es texto.</translation>
    </message>
    <message>
        <source>Its type must be "email", "sms" or null.</source>
        <translation>Su tipo debe ser "email", "sms" o null.</translation>
    </message>
    <message>
        <source>Its status must be text or null.</source>
        <translation>Su estado debe ser texto o null.</translation>
    </message>
    <message>
        <source>The file is not a templates file exported by Particle Tickets.</source>
        <translation>El archivo no es un archivo de plantillas exportado por Particle Tickets.</translation>
    </message>
    <message>
        <source>Template {number} ({name}) in the file:</source>
        <translation>Plantilla {number} ({name}) del archivo:</translation>
    </message>
    <message>
        <source>Template {number} in the file:</source>
        <translation>Plantilla {number} del archivo:</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <source>Nothing was imported: the file's templates are all here already.</source>
        <translation>No se importó nada: todas las plantillas del archivo ya están aquí.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n templates.</source>
        <comment>Added %n template.</comment>
        <translation>
            <numerusform>Se añadió %n plantilla.</numerusform>
            <numerusform>Se añadieron %n plantillas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n templates.</source>
        <comment>Updated %n template.</comment>
        <translation>
            <numerusform>Se actualizó %n plantilla.</numerusform>
            <numerusform>Se actualizaron %n plantillas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n templates to {file}.</source>
        <comment>Exported %n template to {file}.</comment>
        <translation>
            <numerusform>Se exportó %n plantilla a {file}.</numerusform>
            <numerusform>Se exportaron %n plantillas a {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>templates</name>
    <message>
        <source>A brace is not closed or not opened. Write a placeholder as {example}, and a brace itself twice ({braces}).</source>
        <translation>Hay una llave sin cerrar o sin abrir. Escriba un marcador como {example}, y una llave, dos veces ({braces}).</translation>
    </message>
    <message>
        <source>Write the placeholder {written} as {placeholder}.</source>
        <translation>Escriba el marcador {written} como {placeholder}.</translation>
    </message>
    <message>
        <source>Unknown placeholder {placeholder}. You can use {known}.</source>
        <translation>Marcador desconocido: {placeholder}. Puede usar {known}.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Póngale un nombre a la plantilla.</translation>
    </message>
    <message>
        <source>Another template is named {name}.</source>
        <translation>Otra plantilla se llama {name}.</translation>
    </message>
    <message>
        <source>This takes at most {limit:,} characters; it has {count:,}.</source>
        <translation>Esto admite como máximo {limit:,} caracteres; tiene {count:,}.</translation>
    </message>
    <message>
        <source>A status is one line of at most {limit:,} characters.</source>
        <translation>Un estado es una línea de como máximo {limit:,} caracteres.</translation>
    </message>
</context>
<context>
    <name>transport</name>
    <message>
        <source>Refusing plain http to {host}: it led to {address}, not this computer.</source>
        <translation>Se rechaza http sin cifrar hacia {host}: llevó a {address}, no a este equipo.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: it did not lead to this computer.</source>
        <translation>Se rechaza http sin cifrar hacia {host}: no llevó a este equipo.</translation>
    </message>
    <message>
        <source>Plain http is allowed only to 127.0.0.1 to 127.255.255.255, ::1 and localhost; use https://.</source>
        <translation>El http sin cifrar solo se permite hacia 127.0.0.1 a 127.255.255.255, ::1 y localhost; use https://.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>A new ticket gets its id from Particle Space: leave the ticket id empty.</source>
        <translation>Particle Space asigna el ID a los tickets nuevos: deje vacío el ID del ticket.</translation>
    </message>
    <message>
        <source>Remove the invisible control characters.</source>
        <translation>Quite los caracteres de control invisibles.</translation>
    </message>
    <message>
        <source>This can have at most {maximum:,} characters; this one has {count:,}.</source>
        <translation>Esto admite como máximo {maximum:,} caracteres; este tiene {count:,}.</translation>
    </message>
    <message>
        <source>Remove the invisible character {code} ({name}).</source>
        <translation>Quite el carácter invisible {code} ({name}).</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>un carácter de control</translation>
    </message>
    <message>
        <source>next line</source>
        <translation>siguiente línea</translation>
    </message>
    <message>
        <source>control sequence introducer</source>
        <translation>introductor de secuencia de control</translation>
    </message>
    <message>
        <source>Mongolian vowel separator</source>
        <translation>separador de vocales mongol</translation>
    </message>
    <message>
        <source>zero width space</source>
        <translation>espacio de anchura cero</translation>
    </message>
    <message>
        <source>line separator</source>
        <translation>separador de línea</translation>
    </message>
    <message>
        <source>paragraph separator</source>
        <translation>separador de párrafo</translation>
    </message>
    <message>
        <source>left-to-right embedding</source>
        <translation>incrustación de izquierda a derecha</translation>
    </message>
    <message>
        <source>right-to-left embedding</source>
        <translation>incrustación de derecha a izquierda</translation>
    </message>
    <message>
        <source>pop directional formatting</source>
        <translation>fin de formato direccional</translation>
    </message>
    <message>
        <source>left-to-right override</source>
        <translation>forzado de izquierda a derecha</translation>
    </message>
    <message>
        <source>right-to-left override</source>
        <translation>forzado de derecha a izquierda</translation>
    </message>
    <message>
        <source>word joiner</source>
        <translation>unión de palabras</translation>
    </message>
    <message>
        <source>left-to-right isolate</source>
        <translation>aislamiento de izquierda a derecha</translation>
    </message>
    <message>
        <source>right-to-left isolate</source>
        <translation>aislamiento de derecha a izquierda</translation>
    </message>
    <message>
        <source>first strong isolate</source>
        <translation>aislamiento por primer carácter fuerte</translation>
    </message>
    <message>
        <source>pop directional isolate</source>
        <translation>fin de aislamiento direccional</translation>
    </message>
    <message>
        <source>zero width no-break space</source>
        <translation>espacio sin separación de anchura cero</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Escriba un título.</translation>
    </message>
    <message>
        <source>Enter a description.</source>
        <translation>Escriba una descripción.</translation>
    </message>
    <message>
        <source>Choose or type a status.</source>
        <translation>Elija o escriba un estado.</translation>
    </message>
    <message>
        <source>Pick a time in the future, or choose “Send now”.</source>
        <translation>Elija una hora futura o seleccione «Enviar ahora».</translation>
    </message>
    <message>
        <source>Choose email or SMS.</source>
        <translation>Elija correo electrónico o SMS.</translation>
    </message>
    <message>
        <source>Keep the subject on one line.</source>
        <translation>Escriba el asunto en una sola línea.</translation>
    </message>
    <message>
        <source>Add at least one email address to notify.</source>
        <translation>Agregue al menos una dirección de correo electrónico a la cual notificar.</translation>
    </message>
    <message>
        <source>Add at least one phone number to notify.</source>
        <translation>Agregue al menos un número de teléfono al cual notificar.</translation>
    </message>
    <message>
        <source>Keep this on one line.</source>
        <translation>Escríbalo en una sola línea.</translation>
    </message>
    <message>
        <source>Enter the ticket id (it looks like tic_…).</source>
        <translation>Escriba el ID del ticket (tiene la forma tic_…).</translation>
    </message>
    <message>
        <source>A ticket id cannot contain “{character}”.</source>
        <translation>Un ID de ticket no puede contener «{character}».</translation>
    </message>
    <message>
        <source>A ticket id cannot contain line breaks or control characters.</source>
        <translation>Un ID de ticket no puede contener saltos de línea ni caracteres de control.</translation>
    </message>
    <message>
        <source>A ticket id cannot contain spaces.</source>
        <translation>Un ID de ticket no puede contener espacios.</translation>
    </message>
    <message>
        <source>A ticket id cannot be “.” or “..”.</source>
        <translation>Un ID de ticket no puede ser «.» ni «..».</translation>
    </message>
</context>
<context>
    <name>vcards</name>
    <message>
        <source>Card {row}: {problem}</source>
        <translation>Tarjeta {row}: {problem}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The file is not a vCard file: it does not begin with BEGIN:VCARD.</source>
        <translation>El archivo no es un archivo vCard: no empieza por BEGIN:VCARD.</translation>
    </message>
    <message>
        <source>The file could not be read as vCard (at line {line}). Nothing was imported.</source>
        <translation>El archivo no se pudo leer como vCard (en la línea {line}). No se importó nada.</translation>
    </message>
    <message>
        <source>The file could not be read as vCard. Nothing was imported.</source>
        <translation>El archivo no se pudo leer como vCard. No se importó nada.</translation>
    </message>
    <message>
        <source>The file has no contact cards.</source>
        <translation>El archivo no tiene tarjetas de contacto.</translation>
    </message>
</context>
</TS>
