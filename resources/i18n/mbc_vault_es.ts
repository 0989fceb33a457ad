<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Categories</name>
    <message>
        <location filename="../../ui/category_names.py" line="10"/>
        <source>Pathology report</source>
        <translation>Informe de patología</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="11"/>
        <source>Imaging report</source>
        <translation>Informe de imagenología</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="12"/>
        <source>Lab result</source>
        <translation>Resultado de laboratorio</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="13"/>
        <source>Genomic test</source>
        <translation>Prueba genómica</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="14"/>
        <source>Treatment plan</source>
        <translation>Plan de tratamiento</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="15"/>
        <source>Operative report</source>
        <translation>Informe quirúrgico</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="16"/>
        <source>Discharge summary</source>
        <translation>Resumen de alta</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="17"/>
        <source>Clinical note</source>
        <translation>Nota clínica</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="18"/>
        <source>Other medical record</source>
        <translation>Otro registro médico</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="19"/>
        <source>Will</source>
        <translation>Testamento</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="20"/>
        <source>Living will</source>
        <translation>Testamento vital</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="21"/>
        <source>Power of attorney</source>
        <translation>Poder notarial</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="22"/>
        <source>Advance directive</source>
        <translation>Directiva anticipada</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="23"/>
        <source>Health care proxy</source>
        <translation>Representante de atención médica</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="24"/>
        <source>POLST / DNR order</source>
        <translation>Orden POLST / de no reanimar</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="25"/>
        <source>Insurance policy</source>
        <translation>Póliza de seguro</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="26"/>
        <source>Financial document</source>
        <translation>Documento financiero</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="27"/>
        <source>Employment document</source>
        <translation>Documento laboral</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="28"/>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="29"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="30"/>
        <source>Care team contact</source>
        <translation>Contacto del equipo de atención</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="31"/>
        <source>People to tell</source>
        <translation>Personas a quienes contarlo</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="32"/>
        <source>Care priorities</source>
        <translation>Prioridades de atención</translation>
    </message>
    <message>
        <location filename="../../ui/category_names.py" line="33"/>
        <source>Other care note</source>
        <translation>Otra nota de atención</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../ui/create_dialog.py" line="23"/>
        <location filename="../../ui/create_dialog.py" line="27"/>
        <source>Create my vault</source>
        <translation>Crear mi bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="30"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="31"/>
        <source>e.g. Jane Example</source>
        <translation>p. ej., Ana Ejemplo</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="33"/>
        <source>Vault folder</source>
        <translation>Carpeta de la bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="34"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="35"/>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="42"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="45"/>
        <source>Passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="48"/>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="49"/>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="50"/>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="52"/>
        <source>Passphrase again:</source>
        <translation>Repita la frase:</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="56"/>
        <source>Important: if you forget this passphrase, nobody can open your vault, not even us. Write it down and keep it somewhere safe, like with your will.</source>
        <translation>Importante: si olvida esta frase de contraseña, nadie podrá abrir su bóveda, ni siquiera nosotros. Anótela y guárdela en un lugar seguro, por ejemplo, junto a su testamento.</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="61"/>
        <source>Creating the vault</source>
        <translation>Creando la bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="66"/>
        <location filename="../../ui/create_dialog.py" line="68"/>
        <source>Create vault</source>
        <translation>Crear bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="84"/>
        <source>Where should the vault folder go?</source>
        <translation>¿Dónde quiere guardar la carpeta de la bóveda?</translation>
    </message>
    <message>
        <location filename="../../ui/create_dialog.py" line="93"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <location filename="../../ui/sections/documents.py" line="36"/>
        <source>Move “{0}” to the trash</source>
        <translation>Mover “{0}” a la papelera</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="64"/>
        <source>Import documents…</source>
        <translation>Importar documentos…</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="65"/>
        <source>Import documents</source>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="68"/>
        <source>Search words in your records</source>
        <translation>Buscar palabras en sus registros</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="70"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="75"/>
        <source>Filter by category</source>
        <translation>Filtrar por categoría</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="79"/>
        <source>Filter by tag</source>
        <translation>Filtrar por etiqueta</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="81"/>
        <location filename="../../ui/sections/documents.py" line="320"/>
        <source>Show trash</source>
        <translation>Ver papelera</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="83"/>
        <source>Show the trash</source>
        <translation>Ver la papelera</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="117"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="125"/>
        <source>No documents yet. Click “Import documents…” or drag files here.</source>
        <translation>Todavía no hay documentos. Haga clic en “Importar documentos…” o arrastre archivos aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="142"/>
        <source>Edit details…</source>
        <translation>Editar detalles…</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="143"/>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="144"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="145"/>
        <source>Save a decrypted copy…</source>
        <translation>Guardar una copia sin cifrar…</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="182"/>
        <source>All categories</source>
        <translation>Categoría: todas</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="183"/>
        <source>All tags</source>
        <translation>Etiqueta: todas</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="238"/>
        <source>Opening “{0}”…</source>
        <translation>Abriendo “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="267"/>
        <source>Recognizing text… you can keep working.</source>
        <translation>Reconociendo el texto… Puede seguir trabajando mientras tanto.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="276"/>
        <source>The text of “{0}” can now be searched.</source>
        <translation>Ya se puede buscar en el texto de “{0}”.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="310"/>
        <source>Preparing search… (reading your records)</source>
        <translation>Preparando la búsqueda… (leyendo sus registros)</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="315"/>
        <source>Matches for “{0}”: {1}</source>
        <translation>Resultados para “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="320"/>
        <source>Back to documents</source>
        <translation>Volver a documentos</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="327"/>
        <source>Choose documents to import</source>
        <translation>Elegir documentos para importar</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="361"/>
        <location filename="../../ui/sections/documents.py" line="414"/>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="365"/>
        <source>Saved “{0}”.</source>
        <translation>Se guardó “{0}”.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="384"/>
        <source>Not changed</source>
        <translation>No se cambió</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="388"/>
        <source>Moved “{0}” to the trash. Undo with Ctrl+Z.</source>
        <translation>“{0}” se movió a la papelera. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="390"/>
        <source>Restored “{0}”.</source>
        <translation>“{0}” se restauró.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="395"/>
        <location filename="../../ui/sections/documents.py" line="401"/>
        <source>Save a decrypted copy</source>
        <translation>Guardar una copia sin cifrar</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="396"/>
        <source>The copy will NOT be encrypted: anyone who can open that folder can read it. Delete it when you no longer need it. Continue?</source>
        <translation>La copia NO estará cifrada: cualquier persona que pueda abrir esa carpeta podrá leerla. Bórrela cuando ya no la necesite. ¿Desea continuar?</translation>
    </message>
    <message>
        <location filename="../../ui/sections/documents.py" line="413"/>
        <source>Saved to {0}.</source>
        <translation>Se guardó en {0}.</translation>
    </message>
</context>
<context>
    <name>EditRecordDialog</name>
    <message>
        <location filename="../../ui/edit_dialog.py" line="21"/>
        <location filename="../../ui/edit_dialog.py" line="24"/>
        <source>Edit details</source>
        <translation>Editar detalles</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="36"/>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="36"/>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="37"/>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="37"/>
        <source>Provider:</source>
        <translation>Profesional o centro:</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="38"/>
        <source>Tags (comma separated):</source>
        <translation>Etiquetas (separadas por comas):</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="38"/>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <location filename="../../ui/edit_dialog.py" line="67"/>
        <source>The title cannot be empty.</source>
        <translation>El título no puede quedar vacío.</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../ui/preview.py" line="31"/>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="43"/>
        <location filename="../../ui/import_dialog.py" line="50"/>
        <source>Import documents</source>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="51"/>
        <source>Reading the files ({0})…</source>
        <translation>Leyendo los archivos ({0})…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="54"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="54"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="54"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="55"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="55"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="56"/>
        <source>Write dates as YYYY-MM-DD</source>
        <translation>Escriba las fechas así: AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="57"/>
        <source>Files to import</source>
        <translation>Archivos para importar</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="66"/>
        <source>Category for the selected files</source>
        <translation>Categoría para los archivos seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="67"/>
        <source>(keep each file&apos;s category)</source>
        <translation>(mantener la categoría de cada archivo)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="71"/>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="72"/>
        <source>Tags for the selected files</source>
        <translation>Etiquetas para los archivos seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="74"/>
        <source>Provider or institution</source>
        <translation>Profesional o institución</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="75"/>
        <source>Provider for the selected files</source>
        <translation>Profesional o institución para los archivos seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="76"/>
        <source>Apply to selected</source>
        <translation>Aplicar a los seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="77"/>
        <source>Apply category, tags and provider to the selected files</source>
        <translation>Aplicar la categoría, las etiquetas y el profesional o institución a los archivos seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="83"/>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="86"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="120"/>
        <source>Ready to import: {0}. Check the titles, dates and categories; you can change them.</source>
        <translation>Listos para importar: {0}. Revise los títulos, las fechas y las categorías; puede cambiarlos.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="123"/>
        <source>Cannot be imported: {0} (see Status).</source>
        <translation>No se pueden importar: {0} (vea Estado).</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="224"/>
        <source>Documents added: {0}.</source>
        <translation>Documentos agregados: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="136"/>
        <source>Category of {0}</source>
        <translation>Categoría de {0}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="143"/>
        <source>{0} pages</source>
        <translation>{0} páginas</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="143"/>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="146"/>
        <source>no text (scan)</source>
        <translation>sin texto (escaneado)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="226"/>
        <source>The import was cancelled; the rest were not added.</source>
        <translation>Se canceló la importación; los demás archivos no se agregaron.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="231"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="237"/>
        <source>Stopping after the current file…</source>
        <translation>Se detendrá al terminar el archivo actual…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>MBC Vault</source>
        <translation>MBC Vault</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="48"/>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Who is signed in</source>
        <translation>Quién inició sesión</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;New vault…</source>
        <translation>&amp;Nueva bóveda…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Open vault…</source>
        <translation>&amp;Abrir bóveda…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;Import documents…</source>
        <translation>&amp;Importar documentos…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Explore a &amp;demo vault</source>
        <translation>Explorar una bóveda de &amp;demostración</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>&amp;Copy title</source>
        <translation>&amp;Copiar título</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Move to &amp;trash</source>
        <translation>Mover a la &amp;papelera</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Documents</source>
        <translation>&amp;Documentos</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;Smaller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Check vault for damage</source>
        <translation>&amp;Revisar si la bóveda tiene daños</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>&amp;About MBC Vault</source>
        <translation>&amp;Acerca de MBC Vault</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Signed in as {0} · Unlocked</source>
        <translation>Sesión iniciada como {0} · Desbloqueada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>MBC Vault: {0}</source>
        <translation>MBC Vault: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Locked. Your records are closed.</source>
        <translation>Bóveda bloqueada. Sus registros están cerrados.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Not a vault</source>
        <translation>No es una bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>{0} is not an MBC Vault folder. Choose the folder that contains MBC-VAULT.json.</source>
        <translation>{0} no es una carpeta de MBC Vault. Elija la carpeta que contiene el archivo MBC-VAULT.json.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>The demo vault&apos;s passphrase is: {0}</source>
        <translation>La frase de contraseña de la bóveda de demostración es: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Creating the demo vault with fictional records…</source>
        <translation>Creando la bóveda de demostración con registros ficticios…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Could not create the demo vault</source>
        <translation>No se pudo crear la bóveda de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>Everything is intact. Records checked: {0}; documents checked: {1}.</source>
        <translation>Todo está intacto. Registros revisados: {0}; documentos revisados: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Demo vault</source>
        <translation>Bóveda de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>This vault holds fictional records only. Its passphrase is:

{0}

Look around freely.</source>
        <translation>Esta bóveda solo contiene registros ficticios. Su frase de contraseña es:

{0}

Explórela con toda libertad.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Checking every file of the vault…</source>
        <translation>Revisando cada archivo de la bóveda…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Check failed</source>
        <translation>No se pudo hacer la revisión</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Vault check</source>
        <translation>Revisión de la bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>Some files are damaged. Restore the vault folder from a backup:

</source>
        <translation>Algunos archivos están dañados. Restaure la carpeta de la bóveda desde una copia de seguridad:

</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>About MBC Vault</source>
        <translation>Acerca de MBC Vault</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>MBC Vault keeps your records encrypted on your own computer. Every file is a standard age file: see docs/recovery.md to recover them without this program.</source>
        <translation>MBC Vault guarda sus registros cifrados en su propia computadora. Cada archivo es un archivo age estándar: consulte docs/recovery.md para recuperarlos sin este programa.</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../../ui/sections/overview.py" line="46"/>
        <source>Import documents…</source>
        <translation>Importar documentos…</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="47"/>
        <location filename="../../ui/sections/overview.py" line="49"/>
        <source>Search my records</source>
        <translation>Buscar en mis registros</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="48"/>
        <source>Import documents</source>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="58"/>
        <source>Recently added documents</source>
        <translation>Documentos agregados recientemente</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="77"/>
        <source>Hello, {0}</source>
        <translation>Hola, {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="77"/>
        <source>Hello</source>
        <translation>Hola</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="82"/>
        <source>{0} documents in “{1}”.</source>
        <translation>{0} documentos en “{1}”.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="84"/>
        <source>{0} in the trash.</source>
        <translation>{0} en la papelera.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="86"/>
        <source>{0} files could not be read: use Help ▸ Check vault for damage.</source>
        <translation>No se pudieron leer {0} archivos: use Ayuda ▸ Revisar si la bóveda tiene daños.</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="15"/>
        <source>Medical records</source>
        <translation>Registros médicos</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="16"/>
        <source>Legal and planning</source>
        <translation>Legal y planificación</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="17"/>
        <source>Care notes</source>
        <translation>Notas de cuidado</translation>
    </message>
    <message>
        <location filename="../../ui/sections/overview.py" line="56"/>
        <source>Recently added</source>
        <translation>Agregados recientemente</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../ui/widgets.py" line="40"/>
        <source>Use four or more unrelated words, e.g. &quot;maple river lantern orchard&quot;.</source>
        <translation>Use cuatro o más palabras al azar, p. ej., “arce río farol huerto”.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="45"/>
        <source>Too short: at least 10 characters, better four or more words.</source>
        <translation>Muy corta: al menos 10 caracteres; mejor, cuatro o más palabras.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="47"/>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="49"/>
        <source>Fair. A few more words would make it strong.</source>
        <translation>Aceptable. Con unas palabras más sería fuerte.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="50"/>
        <source>Weak. Add more words.</source>
        <translation>Débil. Agregue más palabras.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview.py" line="70"/>
        <source>Smaller</source>
        <translation>Más pequeño</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="71"/>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="72"/>
        <source>Zoom out of the preview</source>
        <translation>Alejar la vista previa</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="73"/>
        <source>Zoom into the preview</source>
        <translation>Acercar la vista previa</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="84"/>
        <source>Recognize text (OCR)</source>
        <translation>Reconocer el texto (OCR)</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="85"/>
        <source>Recognize the text of this scan</source>
        <translation>Reconocer el texto de este documento escaneado</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="91"/>
        <location filename="../../ui/preview.py" line="114"/>
        <source>Select a document to see it here.</source>
        <translation>Seleccione un documento para verlo aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="97"/>
        <source>PDF preview</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="101"/>
        <source>Text preview</source>
        <translation>Vista previa del texto</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="121"/>
        <source>No text (scan): this document cannot be found by its words yet.</source>
        <translation>Sin texto (escaneado): todavía no se puede encontrar este documento buscando sus palabras.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="123"/>
        <source>Install Tesseract (tesseract-ocr) to recognize the text.</source>
        <translation>Instale Tesseract (tesseract-ocr) para reconocer el texto.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="147"/>
        <source>This PDF cannot be shown here. Use “Save a decrypted copy…” to open it in another program.</source>
        <translation>Este PDF no se puede mostrar aquí. Use “Guardar una copia sin cifrar…” para abrirlo en otro programa.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="156"/>
        <source>This image cannot be shown here.</source>
        <translation>Esta imagen no se puede mostrar aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="161"/>
        <source>There is no preview for this kind of file.</source>
        <translation>No hay vista previa para este tipo de archivo.</translation>
    </message>
</context>
<context>
    <name>RecordsTableModel</name>
    <message>
        <location filename="../../ui/models/records.py" line="24"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../ui/models/records.py" line="24"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../ui/models/records.py" line="24"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/models/records.py" line="24"/>
        <source>Provider</source>
        <translation>Profesional o centro</translation>
    </message>
    <message>
        <location filename="../../ui/models/records.py" line="25"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/models/records.py" line="25"/>
        <source>Pages</source>
        <translation>Págs.</translation>
    </message>
    <message>
        <location filename="../../ui/models/records.py" line="25"/>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
</context>
<context>
    <name>SearchResultsList</name>
    <message>
        <location filename="../../ui/sections/search_results.py" line="26"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../ui/sections/search_results.py" line="35"/>
        <source>page {0}</source>
        <translation>página {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sections/search_results.py" line="35"/>
        <source>title, tags or notes</source>
        <translation>título, etiquetas o notas</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="19"/>
        <location filename="../../ui/settings_dialog.py" line="22"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="26"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="28"/>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear después de estos minutos sin uso</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39"/>
        <source>Lock when idle for:</source>
        <translation>Bloquear si no se usa durante:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Text size:</source>
        <translation>Tamaño del texto:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="41"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <source>A new language applies the next time the app starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que abra la aplicación.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="11"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../ui/unlock.py" line="35"/>
        <source>Unlock your vault</source>
        <translation>Desbloquear su bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="41"/>
        <location filename="../../ui/unlock.py" line="46"/>
        <source>Who are you?</source>
        <translation>¿Quién es usted?</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="44"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="47"/>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="52"/>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="54"/>
        <source>Unlock message</source>
        <translation>Mensaje de desbloqueo</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="58"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="59"/>
        <source>Back to the welcome screen</source>
        <translation>Volver a la pantalla de bienvenida</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="61"/>
        <location filename="../../ui/unlock.py" line="63"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="73"/>
        <source>Vault folder: {0}</source>
        <translation>Carpeta de la bóveda: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="81"/>
        <source>Someone else (not listed)</source>
        <translation>Otra persona (no está en la lista)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="81"/>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="94"/>
        <source>Type your passphrase.</source>
        <translation>Escriba su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="117"/>
        <source>Wrong passphrase.</source>
        <translation>La frase de contraseña no es correcta.</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../ui/welcome.py" line="27"/>
        <source>Welcome to MBC Vault</source>
        <translation>Le damos la bienvenida a MBC Vault</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="29"/>
        <source>Keep your medical and legal records in one encrypted place on this computer. Only people you choose can open them.</source>
        <translation>Guarde sus registros médicos y legales en un solo lugar cifrado en esta computadora. Solo las personas que usted elija podrán abrirlos.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="31"/>
        <source>Create my vault</source>
        <translation>Crear mi bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="32"/>
        <source>Start a new, empty vault protected by your passphrase.</source>
        <translation>Empiece una bóveda nueva y vacía, protegida con su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="33"/>
        <source>Open a vault someone shared with me</source>
        <translation>Abrir una bóveda que alguien compartió conmigo</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="34"/>
        <source>Choose the folder (USB drive, shared or synced folder).</source>
        <translation>Elija la carpeta (memoria USB, carpeta compartida o sincronizada).</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="35"/>
        <source>Explore a demo vault</source>
        <translation>Explorar una bóveda de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="36"/>
        <source>Look around with fictional records first. Nothing real is used.</source>
        <translation>Primero conozca la aplicación con registros ficticios. No se usa ningún dato real.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="42"/>
        <source>Recently opened vaults (double-click or press Enter to open):</source>
        <translation>Bóvedas abiertas recientemente (haga doble clic o presione Enter para abrir una):</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="44"/>
        <source>Recently opened vaults</source>
        <translation>Bóvedas abiertas recientemente</translation>
    </message>
</context>
</TS>
