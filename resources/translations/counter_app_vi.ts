<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit the account %1</source>
        <translation>Sửa tài khoản %1</translation>
    </message>
    <message>
        <source>Create the administrator account</source>
        <translation>Tạo tài khoản quản trị</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>No usual counter</source>
        <translation>Không có quầy thường trực</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Usual counter</source>
        <translation>Quầy thường trực</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the administrator account; the administrator then adds an account for each clerk.</source>
        <translation>Cơ sở dữ liệu này chưa có tài khoản nào. Hãy tạo tài khoản quản trị; sau đó quản trị viên tạo tài khoản cho từng cán bộ.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Quầy %1</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Staff accounts</source>
        <translation>Tài khoản cán bộ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Đăng nhập gần nhất</translation>
    </message>
    <message>
        <source>Usual counter</source>
        <translation>Quầy thường trực</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Thêm tài khoản…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Set a new password…</source>
        <translation>Đặt mật khẩu mới…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>The first accounts</source>
        <translation>Các tài khoản đầu tiên</translation>
    </message>
    <message>
        <source>The administrator manages the office&apos;s settings, accounts and catalogue; the reception clerk serves citizens at the counter.</source>
        <translation>Tài khoản quản trị quản lý cài đặt, tài khoản và danh mục của đơn vị; cán bộ tiếp nhận phục vụ người dân tại quầy.</translation>
    </message>
    <message>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <source>First reception clerk</source>
        <translation>Cán bộ tiếp nhận đầu tiên</translation>
    </message>
    <message>
        <source>A user name has 3 to 32 lower-case letters or digits, without accents, starting with a letter (e.g. %1). A password has at least %2 characters.</source>
        <translation>Tên đăng nhập gồm 3 đến 32 chữ thường không dấu hoặc chữ số, bắt đầu bằng một chữ cái (ví dụ: %1). Mật khẩu có ít nhất %2 ký tự.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity log</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả mọi người</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Older entries</source>
        <translation>Các mục cũ hơn</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>The %n newest entries shown; older ones follow.</source>
        <translation>
            <numerusform>Đang hiện %n mục mới nhất; còn các mục cũ hơn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries.</source>
        <translation>
            <numerusform>%n mục.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Extra day off</source>
        <translation>Ngày nghỉ thêm</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>Reason (e.g. the decision that set it)</source>
        <translation>Lý do (ví dụ: văn bản quy định)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove the selected day</source>
        <translation>Xóa ngày đang chọn</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Days set by this office</source>
        <translation>Ngày do đơn vị tự quy định</translation>
    </message>
    <message>
        <source>Public holidays and official swaps this year and next</source>
        <translation>Ngày lễ và ngày nghỉ hoán đổi chính thức năm nay và năm sau</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Catalogue of administrative procedures</source>
        <translation>Danh mục thủ tục hành chính</translation>
    </message>
    <message>
        <source>The clerk&apos;s checklists and the kiosk&apos;s guide come only from the catalogue. It can be replaced later from the Catalogue menu.</source>
        <translation>Danh sách giấy tờ của cán bộ và hướng dẫn trên máy lấy số chỉ lấy từ danh mục. Có thể thay danh mục sau này trong trình đơn Danh mục.</translation>
    </message>
    <message>
        <source>The sample catalogue that comes with the program</source>
        <translation>Danh mục mẫu kèm theo chương trình</translation>
    </message>
    <message>
        <source>A catalogue file (JSON), such as the one published by the province</source>
        <translation>Tệp danh mục (JSON), như tệp do tỉnh công bố</translation>
    </message>
    <message>
        <source>no file chosen yet</source>
        <translation>chưa chọn tệp</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Choose the catalogue file</source>
        <translation>Chọn tệp danh mục</translation>
    </message>
    <message>
        <source>Catalogue (*.json)</source>
        <translation>Danh mục thủ tục (*.json)</translation>
    </message>
    <message>
        <source>Choose the catalogue file.</source>
        <translation>Hãy chọn tệp danh mục.</translation>
    </message>
    <message>
        <source>Reading the catalogue…</source>
        <translation>Đang đọc danh mục…</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) ready to import.</source>
        <translation>
            <numerusform>%n thủ tục sẵn sàng để nhập.</numerusform>
        </translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Phiên bản: %1</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>The catalogue is still being read: a moment, please.</source>
        <translation>Danh mục đang được đọc, xin chờ một chút.</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <source>Search by name (accents optional), code or field</source>
        <translation>Tìm theo tên (gõ có dấu hoặc không dấu), mã hoặc lĩnh vực</translation>
    </message>
    <message>
        <source>Choose a procedure to see the papers it requires.</source>
        <translation>Chọn một thủ tục để xem các giấy tờ cần nộp.</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n thủ tục</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogueTransfer</name>
    <message>
        <source>Import the procedure catalogue</source>
        <translation>Nhập danh mục thủ tục</translation>
    </message>
    <message>
        <source>Catalogue (*.json)</source>
        <translation>Danh mục thủ tục (*.json)</translation>
    </message>
    <message>
        <source>Export the procedure catalogue</source>
        <translation>Xuất danh mục thủ tục</translation>
    </message>
    <message>
        <source>Catalogue not imported</source>
        <translation>Chưa nhập được danh mục</translation>
    </message>
    <message>
        <source>Catalogue imported: %1 added, %2 updated, %3 no longer in use.</source>
        <translation>Đã nhập danh mục: thêm %1, cập nhật %2, ngừng áp dụng %3 thủ tục.</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Xóa</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tra cứu</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Invalid command-line option: {detail}. See counter-app --help.</source>
        <translation>Tham số dòng lệnh không hợp lệ: {detail}. Xem counter-app --help.</translation>
    </message>
    <message>
        <source>Cannot use the data folder {path}: {reason}</source>
        <translation>Không dùng được thư mục dữ liệu {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot open the database: {reason}</source>
        <translation>Không mở được cơ sở dữ liệu: {reason}</translation>
    </message>
    <message>
        <source>Screenshot saved to {path}</source>
        <translation>Đã lưu ảnh chụp màn hình vào {path}</translation>
    </message>
    <message>
        <source>Cannot save the screenshot to {path}</source>
        <translation>Không lưu được ảnh chụp màn hình vào {path}</translation>
    </message>
    <message>
        <source>No account named {name}</source>
        <translation>Không có tài khoản tên {name}</translation>
    </message>
    <message>
        <source>Catalogue imported: {added} added, {updated} updated, {retired} no longer in use.</source>
        <translation>Đã nhập danh mục: thêm {added}, cập nhật {updated}, ngừng áp dụng {retired} thủ tục.</translation>
    </message>
    <message>
        <source>{count} procedures exported to {path}.</source>
        <translation>Đã xuất {count} thủ tục ra {path}.</translation>
    </message>
    <message>
        <source>Counter software for a one-stop office.</source>
        <translation>Phần mềm quầy tiếp nhận và trả kết quả của bộ phận một cửa.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>which window to open (default: this PC&apos;s role in its settings)</source>
        <translation>cửa sổ cần mở (mặc định: vai trò của máy này trong phần cài đặt)</translation>
    </message>
    <message>
        <source>render the window offscreen to a PNG and exit</source>
        <translation>vẽ cửa sổ ra ảnh PNG, không hiện lên màn hình, rồi thoát</translation>
    </message>
    <message>
        <source>keep data, settings and logs under DIR (portable)</source>
        <translation>giữ dữ liệu, cài đặt và nhật ký trong THƯ_MỤC (chế độ di động)</translation>
    </message>
    <message>
        <source>sqlite:///PATH or postgresql://… (overrides settings)</source>
        <translation>sqlite:///ĐƯỜNG_DẪN hoặc postgresql://… (thay cho phần cài đặt)</translation>
    </message>
    <message>
        <source>interface language (default: settings)</source>
        <translation>ngôn ngữ giao diện (mặc định: theo phần cài đặt)</translation>
    </message>
    <message>
        <source>fill an empty database with demo data</source>
        <translation>điền dữ liệu mẫu vào cơ sở dữ liệu còn trống</translation>
    </message>
    <message>
        <source>sync with the reference provincial server at URL, with its demo credential (make run)</source>
        <translation>đồng bộ với máy chủ tham chiếu của tỉnh tại URL, bằng thông tin xác thực mẫu của máy chủ đó (make run)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>with --screenshot: render as this signed-in account</source>
        <translation>dùng cùng --screenshot: vẽ như khi tài khoản này đã đăng nhập</translation>
    </message>
    <message>
        <source>import the procedure catalogue (JSON) and exit</source>
        <translation>nhập danh mục thủ tục (JSON) rồi thoát</translation>
    </message>
    <message>
        <source>export the procedure catalogue (JSON) and exit</source>
        <translation>xuất danh mục thủ tục (JSON) rồi thoát</translation>
    </message>
    <message>
        <source>run the window in this process, without starting it again if it crashes</source>
        <translation>chạy cửa sổ ngay trong tiến trình này, không tự khởi động lại khi gặp sự cố</translation>
    </message>
</context>
<context>
    <name>CounterController</name>
    <message>
        <source>Demo accounts: %1</source>
        <translation>Tài khoản dùng thử: %1</translation>
    </message>
    <message>
        <source>the agency electronic ID</source>
        <translation>mã định danh điện tử của đơn vị</translation>
    </message>
    <message>
        <source>this PC&apos;s counter number</source>
        <translation>số quầy của máy này</translation>
    </message>
    <message>
        <source>the dossier code&apos;s pattern</source>
        <translation>mẫu mã hồ sơ</translation>
    </message>
    <message>
        <source>the database address</source>
        <translation>địa chỉ cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>the language</source>
        <translation>ngôn ngữ</translation>
    </message>
    <message>
        <source>Restart needed</source>
        <translation>Cần khởi động lại</translation>
    </message>
    <message>
        <source>These settings were saved and take effect when the program starts again: %1.</source>
        <translation>Các cài đặt sau đã được lưu và có hiệu lực khi chương trình khởi động lại: %1.</translation>
    </message>
    <message>
        <source>Close the program and open it again to apply them.</source>
        <translation>Hãy đóng chương trình rồi mở lại để áp dụng.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Khởi động lại ngay</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message>
        <source>%1 procedures exported.</source>
        <translation>Đã xuất %1 thủ tục.</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>Counter %1 — %2</source>
        <translation>Quầy số %1 — %2</translation>
    </message>
    <message>
        <source>Receive a dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Theo dõi hồ sơ</translation>
    </message>
    <message>
        <source>Procedures and papers</source>
        <translation>Thủ tục và thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Send what waits to the provincial system now</source>
        <translation>Gửi ngay những mục đang chờ lên hệ thống của tỉnh</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Hệ thống</translation>
    </message>
    <message>
        <source>Office &amp;settings…</source>
        <translation>&amp;Cài đặt đơn vị…</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>&amp;Tài khoản cán bộ…</translation>
    </message>
    <message>
        <source>Working &amp;calendar…</source>
        <translation>&amp;Lịch làm việc…</translation>
    </message>
    <message>
        <source>Activity &amp;log…</source>
        <translation>&amp;Nhật ký thao tác…</translation>
    </message>
    <message>
        <source>&amp;Queue and service areas…</source>
        <translation>&amp;Xếp hàng và khu vực dịch vụ…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Catalogue</source>
        <translation>&amp;Danh mục</translation>
    </message>
    <message>
        <source>&amp;Import the catalogue from a file…</source>
        <translation>&amp;Nhập danh mục thủ tục từ tệp…</translation>
    </message>
    <message>
        <source>&amp;Export the catalogue to a file…</source>
        <translation>&amp;Xuất danh mục thủ tục ra tệp…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <source>Sync &amp;log…</source>
        <translation>&amp;Nhật ký đồng bộ…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Đang đăng nhập: %1 (%2)</translation>
    </message>
    <message>
        <source>Database: %1 ✓</source>
        <translation>Cơ sở dữ liệu: %1 ✓</translation>
    </message>
    <message numerus="yes">
        <source>Ticket printer: %n ticket(s) not printed</source>
        <translation>
            <numerusform>Máy lấy số: %n vé chưa in được</numerusform>
        </translation>
    </message>
    <message>
        <source>Printer: not set up</source>
        <translation>Máy in: chưa cài đặt</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Máy in: %1</translation>
    </message>
    <message>
        <source>The previous run (started %1) ended abnormally; the log file has the details. Check that your last action was saved.</source>
        <translation>Lần chạy trước (bắt đầu lúc %1) đã kết thúc bất thường; chi tiết có trong tệp nhật ký. Hãy kiểm tra thao tác cuối cùng của bạn đã được lưu chưa.</translation>
    </message>
    <message>
        <source>Could not check the scans folder: %1 Trying again at %2.</source>
        <translation>Không kiểm tra được thư mục bản quét: %1 Thử lại lúc %2.</translation>
    </message>
    <message>
        <source>OCR stopped: %1 Trying again at %2.</source>
        <translation>Nhận dạng chữ (OCR) tạm dừng: %1 Thử lại lúc %2.</translation>
    </message>
    <message numerus="yes">
        <source>Missing (the database points to them): %n file(s)</source>
        <translation>
            <numerusform>Bị thiếu (cơ sở dữ liệu trỏ tới): %n tệp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not referenced by any dossier: %n file(s)</source>
        <translation>
            <numerusform>Không thuộc hồ sơ nào: %n tệp</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanned files need attention</source>
        <translation>Tệp bản quét cần kiểm tra</translation>
    </message>
    <message>
        <source>The start-up check of the scans folder found problems. Missing files must be scanned again; files no dossier refers to were left by an interrupted scan and can be deleted by the administrator.</source>
        <translation>Kiểm tra thư mục bản quét khi khởi động phát hiện vấn đề. Tệp bị thiếu cần quét lại; tệp không thuộc hồ sơ nào là do lần quét bị gián đoạn để lại, quản trị viên có thể xóa.</translation>
    </message>
    <message>
        <source>OCR: on (%1)</source>
        <translation>Nhận dạng chữ (OCR): bật (%1)</translation>
    </message>
    <message>
        <source>OCR: off (Tesseract with Vietnamese is not installed)</source>
        <translation>Nhận dạng chữ (OCR): tắt (chưa cài Tesseract tiếng Việt)</translation>
    </message>
    <message numerus="yes">
        <source>scans folder: %n problem(s)</source>
        <translation>
            <numerusform>thư mục bản quét: %n vấn đề</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decision on %1</source>
        <translation>Kết quả giải quyết hồ sơ %1</translation>
    </message>
    <message>
        <source>e.g. 125/QĐ-UBND</source>
        <translation>Ví dụ: 125/QĐ-UBND</translation>
    </message>
    <message>
        <source>Approved: the result asked for</source>
        <translation>Chấp thuận: trả kết quả theo yêu cầu</translation>
    </message>
    <message>
        <source>Refused: a letter with the reason</source>
        <translation>Từ chối: văn bản trả lời nêu rõ lý do</translation>
    </message>
    <message>
        <source>Why the request is refused (printed on the letter)</source>
        <translation>Lý do từ chối (in trên văn bản trả lời)</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>Đã chuyển cho</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>Lý do từ chối</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi nhận kết quả</translation>
    </message>
    <message>
        <source>Write the decision&apos;s number.</source>
        <translation>Hãy ghi số văn bản kết quả.</translation>
    </message>
    <message>
        <source>Choose the outcome: approved or refused.</source>
        <translation>Hãy chọn kết quả: chấp thuận hay từ chối.</translation>
    </message>
    <message>
        <source>Write why the request is refused: it is printed on the refusal letter.</source>
        <translation>Hãy ghi lý do từ chối: lý do được in trên văn bản trả lời.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>NOW SERVING</source>
        <translation>ĐANG PHỤC VỤ</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>QUẦY %1</translation>
    </message>
    <message>
        <source>Latest calls</source>
        <translation>VỪA GỌI</translation>
    </message>
    <message>
        <source>No number has been called yet.
Please take a ticket at the kiosk.</source>
        <translation>Chưa có số nào được gọi.
Xin mời công dân lấy số thứ tự tại máy lấy số.</translation>
    </message>
    <message>
        <source>Counter %1 (waiting)</source>
        <translation>QUẦY %1 (chờ gọi)</translation>
    </message>
    <message>
        <source>Area %1 (waiting)</source>
        <translation>KHU VỰC %1 (chờ gọi)</translation>
    </message>
    <message>
        <source>Area %1 – %2</source>
        <translation>Khu vực %1 – %2</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 người đang chờ</translation>
    </message>
    <message>
        <source>THE OFFICE IS CLOSED FOR THE DAY</source>
        <translation>TRUNG TÂM ĐÃ HẾT GIỜ LÀM VIỆC HÔM NAY</translation>
    </message>
    <message>
        <source>THE OFFICE IS CLOSED TODAY</source>
        <translation>HÔM NAY TRUNG TÂM NGHỈ</translation>
    </message>
    <message>
        <source>The office opens again at %1.</source>
        <translation>Trung tâm mở cửa lại lúc %1.</translation>
    </message>
    <message>
        <source>Number %1, please come to counter %2</source>
        <translation>Mời số %1 đến quầy %2</translation>
    </message>
    <message>
        <source>Working hours: Monday to Friday, %1–%2 and %3–%4. Dossiers received after %5 are counted from the next working day.</source>
        <translation>Giờ làm việc: từ thứ Hai đến thứ Sáu, sáng %1–%2, chiều %3–%4. Hồ sơ nhận sau %5 được tính từ ngày làm việc tiếp theo.</translation>
    </message>
    <message>
        <source>The office is closed on %1 (public holiday).</source>
        <translation>Trung tâm nghỉ ngày %1 (ngày lễ).</translation>
    </message>
    <message>
        <source>The office is closed on %1.</source>
        <translation>Trung tâm nghỉ ngày %1.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>text</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>non-empty text</source>
        <translation>văn bản không rỗng</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true hoặc false</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>một danh sách</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must be an object.</source>
        <translation>Dòng {line}: “{field}” phải là một đối tượng.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” is required.</source>
        <translation>Dòng {line}: thiếu “{field}”.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must be {expected}.</source>
        <translation>Dòng {line}: “{field}” phải là {expected}.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must be a whole number, at least {minimum}.</source>
        <translation>Dòng {line}: “{field}” phải là số nguyên, không nhỏ hơn {minimum}.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must be one of: {options}.</source>
        <translation>Dòng {line}: “{field}” phải là một trong: {options}.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” asks for no original and no copy.</source>
        <translation>Dòng {line}: “{field}” không yêu cầu bản chính lẫn bản sao nào.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must list at least one component.</source>
        <translation>Dòng {line}: “{field}” phải có ít nhất một thành phần hồ sơ.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must be non-empty text.</source>
        <translation>Dòng {line}: “{field}” phải là văn bản không rỗng.</translation>
    </message>
    <message>
        <source>Line {line}: the file is not valid JSON ({reason}).</source>
        <translation>Dòng {line}: tệp không đúng định dạng JSON ({reason}).</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” must be “{expected}”.</source>
        <translation>Dòng {line}: “{field}” phải là “{expected}”.</translation>
    </message>
    <message>
        <source>Line {line}: “{field}” {version} is not supported.</source>
        <translation>Dòng {line}: “{field}” {version} chưa được hỗ trợ.</translation>
    </message>
    <message>
        <source>Line {line}: procedure code {code} is listed twice.</source>
        <translation>Dòng {line}: mã thủ tục {code} bị lặp lại.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>số định danh cá nhân</translation>
    </message>
    <message>
        <source>old ID number</source>
        <translation>số CMND cũ</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>họ và tên</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>permanent address</source>
        <translation>nơi thường trú</translation>
    </message>
    <message>
        <source>date of issue</source>
        <translation>ngày cấp</translation>
    </message>
    <message>
        <source>card QR code</source>
        <translation>mã QR trên thẻ</translation>
    </message>
    <message>
        <source>The {field} must have exactly 12 digits (got “{value}”).</source>
        <translation>{field} phải có đúng 12 chữ số (đã nhập “{value}”).</translation>
    </message>
    <message>
        <source>The {field} starts with {code}, which is not a province code.</source>
        <translation>{field} bắt đầu bằng {code}, không phải mã tỉnh.</translation>
    </message>
    <message>
        <source>The {field} says born in {id_year}, but the date of birth is in {year}.</source>
        <translation>{field} cho biết năm sinh {id_year}, nhưng ngày sinh là năm {year}.</translation>
    </message>
    <message>
        <source>The {field} does not match the sex given.</source>
        <translation>{field} không khớp với giới tính đã khai.</translation>
    </message>
    <message>
        <source>The {field} is missing.</source>
        <translation>Thiếu {field}.</translation>
    </message>
    <message>
        <source>The {field} must be written ddMMyyyy (got “{value}”).</source>
        <translation>{field} phải ghi dạng ngày-tháng-năm ddMMyyyy (đã nhận “{value}”).</translation>
    </message>
    <message>
        <source>The {field} {value} is not a real date.</source>
        <translation>{field} {value} không phải là ngày có thật.</translation>
    </message>
    <message>
        <source>The {field} must be “Nam” or “Nữ” (got “{value}”).</source>
        <translation>{field} phải là “Nam” hoặc “Nữ” (đã nhận “{value}”).</translation>
    </message>
    <message>
        <source>The {field} has {count} parts separated by “|”; a card QR code has 6 or 7.</source>
        <translation>{field} có {count} phần ngăn bởi dấu “|”; mã QR trên thẻ có 6 hoặc 7 phần.</translation>
    </message>
    <message>
        <source>The {field} must not contain digits (got “{value}”).</source>
        <translation>{field} không được chứa chữ số (đã nhận “{value}”).</translation>
    </message>
    <message>
        <source>The {field} must have 9 digits (got “{value}”).</source>
        <translation>{field} phải có 9 chữ số (đã nhận “{value}”).</translation>
    </message>
    <message>
        <source>The {field} {value} is in the future.</source>
        <translation>{field} {value} là ngày trong tương lai.</translation>
    </message>
    <message>
        <source>The {field} {value} is before the birth date or in the future.</source>
        <translation>{field} {value} trước ngày sinh hoặc là ngày trong tương lai.</translation>
    </message>
    <message>
        <source>The dossier code pattern “{value}” is malformed.</source>
        <translation>Mẫu mã hồ sơ “{value}” viết sai.</translation>
    </message>
    <message>
        <source>The dossier code pattern uses unknown parts: {parts}.</source>
        <translation>Mẫu mã hồ sơ có phần không được hỗ trợ: {parts}.</translation>
    </message>
    <message>
        <source>The dossier code pattern must contain {{agency}}, {{yymmdd}} and {{seq:04d}}.</source>
        <translation>Mẫu mã hồ sơ phải có {{agency}}, {{yymmdd}} và {{seq:04d}}.</translation>
    </message>
    <message>
        <source>The running number must have at least 4 digits, as in {{seq:04d}}.</source>
        <translation>Số thứ tự trong mã hồ sơ phải có ít nhất 4 chữ số, như {{seq:04d}}.</translation>
    </message>
    <message>
        <source>Registered online</source>
        <translation>Mới đăng ký</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Được tiếp nhận</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Không được tiếp nhận</translation>
    </message>
    <message>
        <source>In processing</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung giấy tờ</translation>
    </message>
    <message>
        <source>Financial obligation requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Withdrawal requested</source>
        <translation>Công dân yêu cầu rút hồ sơ</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>A dossier cannot start as “{target}”.</source>
        <translation>Hồ sơ không thể bắt đầu ở trạng thái “{target}”.</translation>
    </message>
    <message>
        <source>A dossier that is “{current}” cannot become “{target}”.</source>
        <translation>Hồ sơ đang ở trạng thái “{current}” không thể chuyển sang “{target}”.</translation>
    </message>
    <message>
        <source>A supplement has already been requested once for this dossier.</source>
        <translation>Hồ sơ này đã được yêu cầu bổ sung một lần; theo quy định chỉ được yêu cầu bổ sung một lần.</translation>
    </message>
    <message>
        <source>Name the department or officer who receives the dossier.</source>
        <translation>Hãy ghi phòng, bộ phận hoặc công chức nhận hồ sơ.</translation>
    </message>
    <message>
        <source>The recipient&apos;s name is too long (at most {count} characters).</source>
        <translation>Tên nơi nhận quá dài (tối đa {count} ký tự).</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>chấp thuận</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <source>Write the decision&apos;s number.</source>
        <translation>Hãy ghi số văn bản kết quả.</translation>
    </message>
    <message>
        <source>The decision&apos;s number is too long (at most {count} characters).</source>
        <translation>Số văn bản quá dài (tối đa {count} ký tự).</translation>
    </message>
    <message>
        <source>The decision&apos;s date cannot be after today ({value}).</source>
        <translation>Ngày ban hành văn bản không được sau ngày hôm nay ({value}).</translation>
    </message>
    <message>
        <source>The decision&apos;s date cannot be before the dossier was received ({value}).</source>
        <translation>Ngày ban hành văn bản không được trước ngày tiếp nhận hồ sơ ({value}).</translation>
    </message>
    <message>
        <source>Write why the request is refused: it is printed on the refusal letter.</source>
        <translation>Hãy ghi lý do từ chối: lý do được in trên văn bản trả lời.</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>Chưa đến hạn</translation>
    </message>
    <message>
        <source>Reception clerk</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Office head</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>{name} ({role}) is not allowed to do this.</source>
        <translation>{name} ({role}) không có quyền thực hiện việc này.</translation>
    </message>
    <message>
        <source>A user name has 3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>Tên đăng nhập gồm 3 đến 32 chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái.</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>Mật khẩu phải có ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing could be saved. Nothing already saved is lost. Free some space (empty the recycle bin, move old scans) and try again.</source>
        <translation>Ổ đĩa đã đầy nên chưa lưu được. Dữ liệu đã lưu trước đó không bị mất. Hãy giải phóng dung lượng (dọn thùng rác, chuyển bớt bản quét cũ) rồi thử lại.</translation>
    </message>
    <message>
        <source>The program may not write to its data folder. Ask the person who set up this computer to give it access, then try again.</source>
        <translation>Chương trình không có quyền ghi vào thư mục dữ liệu. Hãy nhờ người cài đặt máy cấp quyền, rồi thử lại.</translation>
    </message>
    <message>
        <source>The database is busy or locked by another program. Wait a moment and try again; if it lasts, close other copies of the program.</source>
        <translation>Cơ sở dữ liệu đang bận hoặc bị chương trình khác khóa. Chờ một chút rồi thử lại; nếu vẫn lỗi, hãy đóng các cửa sổ chương trình khác đang mở.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check that the server PC is on and the network cable is plugged in, then try again.</source>
        <translation>Không kết nối được cơ sở dữ liệu. Hãy kiểm tra máy chủ đã bật và cáp mạng đã cắm, rồi thử lại.</translation>
    </message>
    <message>
        <source>The program hit an error it did not expect. What you were doing was not saved. The details are in the log file; please send it to support.</source>
        <translation>Chương trình gặp lỗi ngoài dự kiến. Thao tác vừa rồi chưa được lưu. Chi tiết đã ghi vào tệp nhật ký; hãy gửi tệp này cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <source>The file {value} is too large for a catalogue.</source>
        <translation>Tệp {value} quá lớn, không phải danh mục thủ tục.</translation>
    </message>
    <message>
        <source>The file {value} is not UTF-8 text.</source>
        <translation>Tệp {value} không phải văn bản UTF-8.</translation>
    </message>
    <message>
        <source>No procedure has the code {code}.</source>
        <translation>Không có thủ tục nào mang mã {code}.</translation>
    </message>
    <message>
        <source>Dossier {id} does not exist.</source>
        <translation>Không tìm thấy hồ sơ {id}.</translation>
    </message>
    <message>
        <source>The office&apos;s name is missing.</source>
        <translation>Chưa nhập tên đơn vị.</translation>
    </message>
    <message>
        <source>The parent body is missing: the forms print it in their header.</source>
        <translation>Chưa nhập cơ quan chủ quản: biểu mẫu in tên cơ quan này ở phần đầu.</translation>
    </message>
    <message>
        <source>The place name is missing: the forms write it before the date.</source>
        <translation>Chưa nhập địa danh: biểu mẫu ghi địa danh trước ngày tháng.</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number.</source>
        <translation>“{value}” không phải là số điện thoại.</translation>
    </message>
    <message>
        <source>There is already a service area with the letter {value}.</source>
        <translation>Đã có khu vực dịch vụ mang chữ {value}.</translation>
    </message>
    <message>
        <source>A counter number is from 1 to 99, not {value}.</source>
        <translation>Số quầy phải từ 1 đến 99, không phải {value}.</translation>
    </message>
    <message>
        <source>Tick at least one service area for counter {value} to call from.</source>
        <translation>Hãy đánh dấu ít nhất một khu vực dịch vụ để quầy {value} gọi số.</translation>
    </message>
    <message>
        <source>Add at least one service area: the kiosk shows a button for each.</source>
        <translation>Hãy thêm ít nhất một khu vực dịch vụ: máy lấy số hiển thị một nút cho mỗi khu vực.</translation>
    </message>
    <message>
        <source>Add at least one counter and the service areas it calls from.</source>
        <translation>Hãy thêm ít nhất một quầy và các khu vực dịch vụ mà quầy đó gọi số.</translation>
    </message>
    <message>
        <source>Counter {number} calls from {value}, which is not a service area.</source>
        <translation>Quầy {number} gọi số của {value}, nhưng {value} không phải là khu vực dịch vụ.</translation>
    </message>
    <message>
        <source>No counter calls from the service area {value}: its tickets would never be called.</source>
        <translation>Chưa có quầy nào gọi số của khu vực dịch vụ {value}: phiếu của khu vực này sẽ không bao giờ được gọi.</translation>
    </message>
    <message>
        <source>There is no counter {value} in the office&apos;s list of counters.</source>
        <translation>Danh sách quầy của đơn vị không có quầy {value}.</translation>
    </message>
    <message>
        <source>Say where the ticket printer is, or choose “No ticket printer on this computer”.</source>
        <translation>Hãy cho biết địa chỉ máy in phiếu, hoặc chọn “Máy này không có máy in phiếu”.</translation>
    </message>
    <message>
        <source>A USB printer is given as vendor:product in hexadecimal, such as 0416:5011, not “{value}”.</source>
        <translation>Máy in USB được ghi theo dạng mã hãng:mã sản phẩm ở hệ thập lục phân, ví dụ 0416:5011, không phải “{value}”.</translation>
    </message>
    <message>
        <source>A network printer is given as address or address:port, such as 192.168.1.50:9100, not “{value}”.</source>
        <translation>Máy in mạng được ghi theo dạng địa chỉ hoặc địa chỉ:cổng, ví dụ 192.168.1.50:9100, không phải “{value}”.</translation>
    </message>
    <message>
        <source>This catalogue has no procedures.</source>
        <translation>Danh mục này không có thủ tục nào.</translation>
    </message>
    <message>
        <source>The full name is missing.</source>
        <translation>Chưa nhập họ và tên.</translation>
    </message>
    <message>
        <source>The clerk needs a user name of their own, not the administrator&apos;s.</source>
        <translation>Cán bộ tiếp nhận cần tên đăng nhập riêng, không dùng tên của tài khoản quản trị.</translation>
    </message>
    <message>
        <source>This office is already set up: its database has accounts. Close the program, open it again and sign in.</source>
        <translation>Đơn vị này đã được thiết lập: cơ sở dữ liệu đã có tài khoản. Hãy đóng chương trình, mở lại và đăng nhập.</translation>
    </message>
    <message>
        <source>Only an administrator can add accounts.</source>
        <translation>Chỉ quản trị viên mới được thêm tài khoản.</translation>
    </message>
    <message>
        <source>The user name {value} is already taken.</source>
        <translation>Tên đăng nhập {value} đã có người dùng.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>You cannot lock your own account.</source>
        <translation>Không thể tự khóa tài khoản của chính mình.</translation>
    </message>
    <message>
        <source>This is the last administrator account; it cannot be locked.</source>
        <translation>Đây là tài khoản quản trị cuối cùng nên không thể khóa.</translation>
    </message>
    <message>
        <source>You cannot change your own role.</source>
        <translation>Không thể tự đổi vai trò của chính mình.</translation>
    </message>
    <message>
        <source>This is the last administrator account; its role cannot be changed.</source>
        <translation>Đây là tài khoản quản trị cuối cùng; không thể đổi vai trò của tài khoản này.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Mật khẩu hiện tại không đúng.</translation>
    </message>
    <message>
        <source>There is no account named {value}.</source>
        <translation>Không có tài khoản nào tên {value}.</translation>
    </message>
    <message>
        <source>a group of settings</source>
        <translation>một nhóm cài đặt</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>một số nguyên</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>một số</translation>
    </message>
    <message>
        <source>filled in</source>
        <translation>được điền</translation>
    </message>
    <message>
        <source>an https:// address</source>
        <translation>một địa chỉ https://</translation>
    </message>
    <message>
        <source>two digits</source>
        <translation>hai chữ số</translation>
    </message>
    <message>
        <source>The setting “{field}” must be {expected}.</source>
        <translation>Cài đặt “{field}” phải là {expected}.</translation>
    </message>
    <message>
        <source>The setting “{field}” must be one of: {options}.</source>
        <translation>Cài đặt “{field}” phải là một trong: {options}.</translation>
    </message>
    <message>
        <source>The office code “{value}” is not an agency electronic ID such as 000.00.06.H56.</source>
        <translation>Mã đơn vị “{value}” không phải mã định danh điện tử dạng 000.00.06.H56.</translation>
    </message>
    <message>
        <source>The printer model “{value}” has no {page} code page: print tickets as pictures instead.</source>
        <translation>Mẫu máy in “{value}” không có bảng mã {page}: hãy in vé dạng hình ảnh.</translation>
    </message>
    <message>
        <source>The settings file {value} is damaged ({reason}).</source>
        <translation>Tệp cài đặt {value} bị hỏng ({reason}).</translation>
    </message>
    <message>
        <source>“{value}” is not a database address.</source>
        <translation>“{value}” không phải địa chỉ cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Unsupported SQLite driver “{value}”.</source>
        <translation>Không hỗ trợ trình điều khiển SQLite “{value}”.</translation>
    </message>
    <message>
        <source>An SQLite database must be a file on this computer.</source>
        <translation>Cơ sở dữ liệu SQLite phải là một tệp trên máy này.</translation>
    </message>
    <message>
        <source>The database file {value} is on a network share, where SQLite corrupts data. Keep it on this computer&apos;s disk, or use PostgreSQL for several PCs.</source>
        <translation>Tệp cơ sở dữ liệu {value} nằm trên thư mục chia sẻ qua mạng, nơi SQLite có thể làm hỏng dữ liệu. Hãy để tệp trên ổ đĩa của máy này, hoặc dùng PostgreSQL khi có nhiều máy.</translation>
    </message>
    <message>
        <source>Use postgresql:// (psycopg 3), not “{value}”.</source>
        <translation>Hãy dùng postgresql:// (psycopg 3), không dùng “{value}”.</translation>
    </message>
    <message>
        <source>The PostgreSQL address must name a database.</source>
        <translation>Địa chỉ PostgreSQL phải có tên cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Only sqlite:/// and postgresql:// databases are supported, not “{value}”.</source>
        <translation>Chỉ hỗ trợ cơ sở dữ liệu sqlite:/// và postgresql://, không hỗ trợ “{value}”.</translation>
    </message>
    <message>
        <source>Dossier steps</source>
        <translation>Các bước xử lý hồ sơ</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>Forms printed or saved</source>
        <translation>In hoặc lưu biểu mẫu</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Thay đổi cài đặt</translation>
    </message>
    <message>
        <source>Accounts and sign-ins</source>
        <translation>Tài khoản và đăng nhập</translation>
    </message>
    <message>
        <source>Created the account {username} ({role}).</source>
        <translation>Tạo tài khoản {username} ({role}).</translation>
    </message>
    <message>
        <source>Locked the account {username}.</source>
        <translation>Khóa tài khoản {username}.</translation>
    </message>
    <message>
        <source>Unlocked the account {username}.</source>
        <translation>Mở khóa tài khoản {username}.</translation>
    </message>
    <message>
        <source>Set a new password for {username}.</source>
        <translation>Đặt mật khẩu mới cho {username}.</translation>
    </message>
    <message>
        <source>Changed their own password.</source>
        <translation>Tự đổi mật khẩu.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Đăng nhập.</translation>
    </message>
    <message>
        <source>Set {day} as {kind}. {note}</source>
        <translation>Đặt ngày {day} là {kind}. {note}</translation>
    </message>
    <message>
        <source>Removed the office&apos;s own setting for {day}.</source>
        <translation>Bỏ thiết lập riêng của cơ quan cho ngày {day}.</translation>
    </message>
    <message>
        <source>Imported the procedure catalogue {version}: {added} added, {updated} updated, {retired} no longer in use.</source>
        <translation>Nhập danh mục thủ tục {version}: thêm {added}, cập nhật {updated}, ngừng áp dụng {retired}.</translation>
    </message>
    <message>
        <source>Changed the account {username}: {full_name}, {role}, counter {counter}.</source>
        <translation>Sửa tài khoản {username}: {full_name}, {role}, quầy {counter}.</translation>
    </message>
    <message>
        <source>Printed {form} ({file}).</source>
        <translation>In {form} ({file}).</translation>
    </message>
    <message>
        <source>Saved {form} as a file ({file}).</source>
        <translation>Lưu {form} thành tệp ({file}).</translation>
    </message>
    <message>
        <source>Changed this PC&apos;s settings: {names}.</source>
        <translation>Thay đổi cài đặt của máy này: {names}.</translation>
    </message>
    <message>
        <source>Saved the service area {code} — {name}.</source>
        <translation>Lưu khu vực dịch vụ {code} — {name}.</translation>
    </message>
    <message>
        <source>Counter {number} now serves the areas {codes}.</source>
        <translation>Quầy {number} nay phục vụ các khu vực {codes}.</translation>
    </message>
    <message>
        <source>Set the priority rule: priority tickets first.</source>
        <translation>Đặt quy tắc ưu tiên: số ưu tiên được gọi trước.</translation>
    </message>
    <message>
        <source>Before opening and at lunch the kiosks issue numbers, called when the office opens.</source>
        <translation>Trước giờ mở cửa và trong giờ nghỉ trưa, máy lấy số vẫn cấp số, được mời khi trung tâm mở cửa.</translation>
    </message>
    <message>
        <source>Outside office hours the kiosks issue no numbers.</source>
        <translation>Ngoài giờ làm việc, máy lấy số không cấp số.</translation>
    </message>
    <message>
        <source>Dossier {code}: {status}. {note}</source>
        <translation>Hồ sơ {code}: {status}. {note}</translation>
    </message>
    <message>
        <source>Undid the step “{step}” of the dossier {code}, back to “{back_to}”: {reason}</source>
        <translation>Hủy bước “{step}” của hồ sơ {code}, trở về “{back_to}”: {reason}</translation>
    </message>
    <message>
        <source>Dossier {code}: {previous} → {status}. {note}</source>
        <translation>Hồ sơ {code}: {previous} → {status}. {note}</translation>
    </message>
    <message>
        <source>Set the priority rule: one priority ticket after every {every} others.</source>
        <translation>Đặt quy tắc ưu tiên: gọi một số ưu tiên sau mỗi {every} số thường.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không</translation>
    </message>
    <message>
        <source>an extra day off</source>
        <translation>ngày nghỉ thêm</translation>
    </message>
    <message>
        <source>a make-up working day</source>
        <translation>ngày làm bù</translation>
    </message>
    <message>
        <source>Set-up or command line</source>
        <translation>Cài đặt hoặc dòng lệnh</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Đã gọi</translation>
    </message>
    <message>
        <source>Being served</source>
        <translation>Đang phục vụ</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Elderly (60 and over)</source>
        <translation>Người cao tuổi (từ 60 tuổi)</translation>
    </message>
    <message>
        <source>Person with a disability</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <source>Pregnant woman</source>
        <translation>Phụ nữ mang thai</translation>
    </message>
    <message>
        <source>With a child under 36 months</source>
        <translation>Người có con nhỏ dưới 36 tháng</translation>
    </message>
    <message>
        <source>Person with meritorious service</source>
        <translation>Người có công với cách mạng</translation>
    </message>
    <message>
        <source>One priority ticket after every 1 to 50 others, not {value}.</source>
        <translation>Một số ưu tiên sau mỗi 1 đến 50 số thường, không phải {value}.</translation>
    </message>
    <message>
        <source>A service area code is one or two capital letters, not “{value}”.</source>
        <translation>Mã khu vực dịch vụ là một hoặc hai chữ in hoa, không phải “{value}”.</translation>
    </message>
    <message>
        <source>The service area needs a name.</source>
        <translation>Khu vực dịch vụ cần có tên.</translation>
    </message>
    <message>
        <source>The office is closed: numbers are issued again from {value}.</source>
        <translation>Trung tâm đang nghỉ: số thứ tự được cấp lại từ {value}.</translation>
    </message>
    <message>
        <source>There is no service area {value}.</source>
        <translation>Không có khu vực dịch vụ {value}.</translation>
    </message>
    <message>
        <source>Counter {number} serves no service area yet.</source>
        <translation>Quầy số {number} chưa được gán khu vực dịch vụ nào.</translation>
    </message>
    <message>
        <source>Ticket {label} cannot be called again from this counter.</source>
        <translation>Không thể gọi lại số {label} từ quầy này.</translation>
    </message>
    <message>
        <source>Choose the service area or counter to send it to.</source>
        <translation>Hãy chọn khu vực dịch vụ hoặc quầy cần chuyển đến.</translation>
    </message>
    <message>
        <source>Ticket {label} is finished and cannot be transferred.</source>
        <translation>Số {label} đã xong, không thể chuyển.</translation>
    </message>
    <message>
        <source>Ticket {label} is already in service area {value}.</source>
        <translation>Số {label} đã thuộc khu vực dịch vụ {value}.</translation>
    </message>
    <message>
        <source>There is no counter {value}.</source>
        <translation>Không có quầy số {value}.</translation>
    </message>
    <message>
        <source>Ticket {label} is already at counter {value}.</source>
        <translation>Số {label} đã ở quầy {value}.</translation>
    </message>
    <message>
        <source>There is no office {value}.</source>
        <translation>Không có đơn vị {value}.</translation>
    </message>
    <message>
        <source>There is no ticket {value}.</source>
        <translation>Không có số thứ tự {value}.</translation>
    </message>
    <message>
        <source>Ticket {label} is “{state}” and cannot be moved on that way.</source>
        <translation>Số {label} đang ở trạng thái “{state}”, không thể chuyển như vậy.</translation>
    </message>
    <message>
        <source>The ticket printer ({target}) does not answer. Check that it is switched on, has paper and its cable is plugged in, then print the ticket again.</source>
        <translation>Máy in vé ({target}) không phản hồi. Hãy kiểm tra máy in đã bật, còn giấy và đã cắm cáp, rồi in lại vé.</translation>
    </message>
    <message>
        <source>No ticket printer is set up on this computer.</source>
        <translation>Máy tính này chưa được cài đặt máy in vé.</translation>
    </message>
    <message>
        <source>The call wording must contain {{ticket}} and {{counter}} once each.</source>
        <translation>Câu mời phải có {{ticket}} và {{counter}}, mỗi thứ đúng một lần.</translation>
    </message>
    <message>
        <source>The kiosk PIN has 4 to 8 digits.</source>
        <translation>Mã PIN của máy lấy số gồm 4 đến 8 chữ số.</translation>
    </message>
    <message>
        <source>applicant&apos;s full name</source>
        <translation>họ tên người nộp</translation>
    </message>
    <message>
        <source>applicant&apos;s ID number</source>
        <translation>số định danh người nộp</translation>
    </message>
    <message>
        <source>applicant&apos;s date of birth</source>
        <translation>ngày sinh người nộp</translation>
    </message>
    <message>
        <source>applicant&apos;s address</source>
        <translation>địa chỉ người nộp</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>số điện thoại</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>địa chỉ email</translation>
    </message>
    <message>
        <source>filer&apos;s full name</source>
        <translation>họ tên người được ủy quyền</translation>
    </message>
    <message>
        <source>filer&apos;s ID number</source>
        <translation>số định danh người được ủy quyền</translation>
    </message>
    <message>
        <source>filer&apos;s phone number</source>
        <translation>số điện thoại người được ủy quyền</translation>
    </message>
    <message>
        <source>filer&apos;s email address</source>
        <translation>địa chỉ email người được ủy quyền</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <source>The {field} may hold only letters and spaces (got “{value}”).</source>
        <translation>Trường {field} chỉ được có chữ cái và dấu cách (đang là “{value}”).</translation>
    </message>
    <message>
        <source>The {field} “{value}” is not a Vietnamese number of 10 digits starting with 0.</source>
        <translation>{field} “{value}” không phải số điện thoại Việt Nam 10 chữ số bắt đầu bằng 0.</translation>
    </message>
    <message>
        <source>The {field} “{value}” is not an email address.</source>
        <translation>{field} “{value}” không phải địa chỉ email.</translation>
    </message>
    <message>
        <source>The {field} {value} is impossible.</source>
        <translation>{field} {value} không thể đúng.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <source>Photocopy</source>
        <translation>Bản chụp</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Bản dịch</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not acceptable</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Not brought</source>
        <translation>Chưa nộp</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <source>The checklist must hold exactly the {count} components the catalogue lists for this procedure; anything else can only be noted as given voluntarily.</source>
        <translation>Danh mục phải có đúng {count} thành phần mà bộ thủ tục công bố; giấy tờ khác chỉ được ghi nhận là công dân tự nguyện nộp.</translation>
    </message>
    <message>
        <source>A paper given voluntarily needs its name.</source>
        <translation>Giấy tờ nộp tự nguyện cần có tên.</translation>
    </message>
    <message>
        <source>Say why “{value}” is not acceptable.</source>
        <translation>Hãy ghi lý do “{value}” không đạt.</translation>
    </message>
    <message>
        <source>Say why “{value}” does not apply to this citizen.</source>
        <translation>Hãy ghi lý do “{value}” không áp dụng với công dân này.</translation>
    </message>
    <message>
        <source>The number of papers for “{value}” cannot be negative.</source>
        <translation>Số lượng của “{value}” không được âm.</translation>
    </message>
    <message>
        <source>Paid at reception</source>
        <translation>Thu khi tiếp nhận</translation>
    </message>
    <message>
        <source>Paid when the result is returned</source>
        <translation>Thu khi trả kết quả</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn</translation>
    </message>
    <message>
        <source>Not charged</source>
        <translation>Không thu</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Choose how the fee of {value} đồng is paid.</source>
        <translation>Hãy chọn hình thức nộp phí {value} đồng.</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <source>Citizen ID card</source>
        <translation>Thẻ căn cước</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Hộ chiếu</translation>
    </message>
    <message>
        <source>Authorisation paper</source>
        <translation>Giấy ủy quyền</translation>
    </message>
    <message>
        <source>Receipt (Mẫu 01)</source>
        <translation>Giấy tiếp nhận (Mẫu 01)</translation>
    </message>
    <message>
        <source>The procedure {code} is no longer in the catalogue: it cannot be received. Pick the procedure that replaced it.</source>
        <translation>Thủ tục {code} không còn trong bộ thủ tục: không thể tiếp nhận. Hãy chọn thủ tục thay thế.</translation>
    </message>
    <message>
        <source>The dossier is not complete ({value}): request a supplement (Mẫu 02) instead.</source>
        <translation>Hồ sơ chưa đầy đủ ({value}): hãy lập phiếu yêu cầu bổ sung (Mẫu 02).</translation>
    </message>
    <message>
        <source>Every component is accepted: receive the dossier instead.</source>
        <translation>Mọi thành phần đều đạt: hãy tiếp nhận hồ sơ.</translation>
    </message>
    <message>
        <source>The number of sets must be between 1 and 20.</source>
        <translation>Số bộ hồ sơ phải từ 1 đến 20.</translation>
    </message>
    <message>
        <source>{name} already has a dossier of this procedure in progress: {codes}. Receive another one only if the citizen really files a second time.</source>
        <translation>{name} đã có hồ sơ thủ tục này đang giải quyết: {codes}. Chỉ tiếp nhận thêm nếu công dân thực sự nộp lần nữa.</translation>
    </message>
    <message>
        <source>Still not complete: {value}.</source>
        <translation>Vẫn chưa đầy đủ: {value}.</translation>
    </message>
    <message>
        <source>Write who collects the result and the number of the paper shown.</source>
        <translation>Hãy ghi người nhận kết quả và số giấy tờ xuất trình.</translation>
    </message>
    <message>
        <source>The dossier {code} is finished: no apology is needed.</source>
        <translation>Hồ sơ {code} đã giải quyết xong: không cần xin lỗi.</translation>
    </message>
    <message>
        <source>The dossier {code} has no appointment: no apology is needed.</source>
        <translation>Hồ sơ {code} không có ngày hẹn trả: không cần xin lỗi, hẹn lại.</translation>
    </message>
    <message>
        <source>The new return date must be after {value}.</source>
        <translation>Ngày hẹn trả mới phải sau {value}.</translation>
    </message>
    <message>
        <source>The supplement request of {code} was made at the counter when it was filed (the papers went back to the citizen): it is part of the reception and cannot be undone.</source>
        <translation>Yêu cầu bổ sung của hồ sơ {code} được lập ngay tại quầy khi nộp hồ sơ (giấy tờ đã trả lại công dân): đó là một phần của việc tiếp nhận, không thể hủy.</translation>
    </message>
    <message>
        <source>The dossier {code} has no step to undo after its reception.</source>
        <translation>Hồ sơ {code} không có bước nào sau khi tiếp nhận để hủy.</translation>
    </message>
    <message>
        <source>The last step of the dossier {code} was set by the provincial system: it cannot be undone here.</source>
        <translation>Bước cuối của hồ sơ {code} do hệ thống của tỉnh cập nhật: không hủy được tại đây.</translation>
    </message>
    <message>
        <source>The arrival of the missing papers of {code} cannot be undone: its checklist and its return date were set again.</source>
        <translation>Không hủy được việc nhận bổ sung giấy tờ của hồ sơ {code}: thành phần hồ sơ và ngày hẹn trả đã được xác định lại.</translation>
    </message>
    <message>
        <source>No dossier has the code {code}.</source>
        <translation>Không có hồ sơ mã {code}.</translation>
    </message>
    <message>
        <source>The file {file} cannot be read.</source>
        <translation>Không đọc được tệp {file}.</translation>
    </message>
    <message>
        <source>The file {file} is empty.</source>
        <translation>Tệp {file} rỗng.</translation>
    </message>
    <message>
        <source>The file {file} is {size} MB; the limit is {limit} MB.</source>
        <translation>Tệp {file} nặng {size} MB; giới hạn là {limit} MB.</translation>
    </message>
    <message>
        <source>The file {file} has no pages.</source>
        <translation>Tệp {file} không có trang nào.</translation>
    </message>
    <message>
        <source>The file {file} is not a picture or a PDF, or it is damaged.</source>
        <translation>Tệp {file} không phải ảnh hay PDF, hoặc đã hỏng.</translation>
    </message>
    <message>
        <source>The file {file} has {count} pages; at most {limit} are taken.</source>
        <translation>Tệp {file} có {count} trang; chỉ nhận tối đa {limit} trang.</translation>
    </message>
    <message>
        <source>“{value}” is only shown at the counter: it is checked, not scanned (TT 03/2025).</source>
        <translation>“{value}” chỉ xuất trình tại quầy: được kiểm tra, không số hóa (TT 03/2025).</translation>
    </message>
    <message>
        <source>The scan in dossier {code} is missing or damaged on disk. Scan the paper again.</source>
        <translation>Bản quét trong hồ sơ {code} bị mất hoặc hỏng trên đĩa. Hãy quét lại giấy tờ.</translation>
    </message>
    <message>
        <source>That earlier scan is no longer there.</source>
        <translation>Bản quét trước đó không còn nữa.</translation>
    </message>
    <message>
        <source>Dossier {id} has no component {position}.</source>
        <translation>Hồ sơ {id} không có thành phần số {position}.</translation>
    </message>
    <message>
        <source>The scanner at {address} does not answer. Check that it is on and connected to the network.</source>
        <translation>Máy quét tại {address} không phản hồi. Hãy kiểm tra máy đã bật và đã nối mạng.</translation>
    </message>
    <message>
        <source>The scanner at {address} does not speak eSCL.</source>
        <translation>Máy quét tại {address} không hỗ trợ eSCL.</translation>
    </message>
    <message>
        <source>Paper is jammed in the scanner&apos;s feeder. Clear it; the {count} page(s) scanned are kept.</source>
        <translation>Giấy bị kẹt trong khay nạp của máy quét. Hãy gỡ giấy; {count} trang đã quét vẫn được giữ.</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it; the {count} page(s) scanned are kept.</source>
        <translation>Nắp máy quét đang mở. Hãy đóng nắp; {count} trang đã quét vẫn được giữ.</translation>
    </message>
    <message>
        <source>The scanner&apos;s feeder is empty. Put the papers in and scan again.</source>
        <translation>Khay nạp của máy quét đang trống. Hãy đặt giấy vào rồi quét lại.</translation>
    </message>
    <message>
        <source>The scanner {device} does not answer: check its cable or network and that it is on. The {count} page(s) scanned are kept.</source>
        <translation>Máy quét {device} không phản hồi: kiểm tra cáp hoặc mạng và máy đã bật chưa. {count} trang đã quét vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>The scanner stopped the job; the {count} page(s) scanned are kept.</source>
        <translation>Máy quét đã dừng; {count} trang đã quét vẫn được giữ.</translation>
    </message>
    <message>
        <source>The scanner sent a damaged page; the {count} page(s) before it are kept.</source>
        <translation>Máy quét gửi về một trang bị lỗi; {count} trang trước đó vẫn được giữ.</translation>
    </message>
    <message>
        <source>The scanner refused the job (HTTP {status}).</source>
        <translation>Máy quét từ chối lệnh quét (HTTP {status}).</translation>
    </message>
    <message>
        <source>The scanner stays busy. Try again in a minute.</source>
        <translation>Máy quét đang bận. Hãy thử lại sau một phút.</translation>
    </message>
    <message>
        <source>SANE scanning is not installed on this computer (the python-sane package and libsane).</source>
        <translation>Máy tính này chưa cài SANE để quét (gói python-sane và libsane).</translation>
    </message>
    <message>
        <source>This scanner has no document feeder.</source>
        <translation>Máy quét này không có khay nạp giấy tự động.</translation>
    </message>
    <message>
        <source>No scanner is set up on this computer. Choose one in Settings, or import the papers from files.</source>
        <translation>Máy tính này chưa cài đặt máy quét. Hãy chọn máy quét trong Cài đặt, hoặc nhập giấy tờ từ tệp.</translation>
    </message>
    <message>
        <source>WIA scanning needs Windows (with the pywin32 package).</source>
        <translation>Quét qua WIA cần Windows (với gói pywin32).</translation>
    </message>
    <message>
        <source>Tesseract could not be run: {error}</source>
        <translation>Không chạy được Tesseract: {error}</translation>
    </message>
    <message>
        <source>Tesseract could not read a page: {error}</source>
        <translation>Tesseract không đọc được một trang: {error}</translation>
    </message>
    <message>
        <source>The scan file is damaged.</source>
        <translation>Tệp bản quét bị hỏng.</translation>
    </message>
    <message>
        <source>A page of the scan holds no image.</source>
        <translation>Một trang của bản quét không có hình ảnh.</translation>
    </message>
    <message>
        <source>The provincial system&apos;s address is not set: the office works offline and keeps everything to send later.</source>
        <translation>Chưa đặt địa chỉ hệ thống của tỉnh: đơn vị làm việc ngoại tuyến và giữ lại mọi thứ để gửi sau.</translation>
    </message>
    <message>
        <source>The provincial system cannot be reached: working offline.</source>
        <translation>Hệ thống của tỉnh không kết nối được: đang làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>The provincial system is busy or failing (HTTP {status}): trying again later.</source>
        <translation>Hệ thống của tỉnh đang bận hoặc gặp lỗi (HTTP {status}): sẽ thử lại sau.</translation>
    </message>
    <message>
        <source>The provincial system sent an answer that cannot be read; nothing was changed here.</source>
        <translation>Hệ thống của tỉnh trả lời không đọc được; dữ liệu trên máy này không bị thay đổi.</translation>
    </message>
    <message>
        <source>The provincial system refused this office&apos;s sign-in. Ask the administrator to check the office code and secret in Settings.</source>
        <translation>Hệ thống của tỉnh từ chối đăng nhập của đơn vị. Đề nghị quản trị viên kiểm tra mã đơn vị và mật khẩu trong Cài đặt.</translation>
    </message>
    <message>
        <source>The provincial system&apos;s certificate is not trusted on this PC. If the province uses the national root certificate, set its file in Settings (extra CA file).</source>
        <translation>Chứng thư số của hệ thống tỉnh chưa được tin cậy trên máy này. Nếu tỉnh dùng chứng thư gốc quốc gia, hãy chọn tệp chứng thư đó trong Cài đặt (chứng thư CA bổ sung).</translation>
    </message>
    <message>
        <source>The provincial system refused the request (HTTP {status}): {reason}</source>
        <translation>Hệ thống của tỉnh từ chối yêu cầu (HTTP {status}): {reason}</translation>
    </message>
    <message>
        <source>This computer has no password store (Windows Credential Manager, GNOME Keyring or KWallet), so the provincial sign-in cannot be kept safely and sync is off. Install or unlock one, then enter the secret again in Settings.</source>
        <translation>Máy tính này không có kho mật khẩu (Windows Credential Manager, GNOME Keyring hoặc KWallet) nên không cất giữ an toàn được mật khẩu đăng nhập hệ thống tỉnh; đồng bộ đang tắt. Hãy cài đặt hoặc mở khóa kho mật khẩu, rồi nhập lại mật khẩu trong Cài đặt.</translation>
    </message>
    <message>
        <source>No provincial sign-in secret is stored for {value}: enter it in Settings to start sync.</source>
        <translation>Chưa lưu mật khẩu đăng nhập hệ thống tỉnh cho {value}: hãy nhập trong Cài đặt để bắt đầu đồng bộ.</translation>
    </message>
    <message>
        <source>Sent {items} change(s) and {files} file(s) ({megabytes} MB) to the province.</source>
        <translation>Đã gửi {items} thay đổi và {files} tệp ({megabytes} MB) lên tỉnh.</translation>
    </message>
    <message>
        <source>The province refused a {kind} of {stream}: {reason}</source>
        <translation>Tỉnh từ chối {kind} của {stream}: {reason}</translation>
    </message>
    <message>
        <source>The scan {file} of {stream} is missing or damaged here and was not sent; scan the paper again.</source>
        <translation>Bản quét {file} của {stream} bị thiếu hoặc hỏng trên máy này nên chưa gửi được; hãy quét lại giấy tờ.</translation>
    </message>
    <message>
        <source>Received {count} status change(s) from the province.</source>
        <translation>Đã nhận {count} thay đổi trạng thái từ tỉnh.</translation>
    </message>
    <message>
        <source>The province changed the dossier {code}, which this office does not have; ignored.</source>
        <translation>Tỉnh cập nhật hồ sơ {code} nhưng đơn vị không có hồ sơ này; đã bỏ qua.</translation>
    </message>
    <message>
        <source>Dossier {code}: the province set “{province}” at {at}; the change made here (“{local}”), not yet sent, was set aside. The province&apos;s status counts.</source>
        <translation>Hồ sơ {code}: tỉnh đặt trạng thái “{province}” lúc {at}; thay đổi làm tại đây (“{local}”) chưa kịp gửi nên được gác lại. Trạng thái của tỉnh là trạng thái chính thức.</translation>
    </message>
    <message>
        <source>The province asked for its changes to be read again from the start (cursor reset).</source>
        <translation>Tỉnh yêu cầu đọc lại các thay đổi từ đầu (đặt lại vị trí đọc).</translation>
    </message>
    <message>
        <source>Procedure catalogue {version} received: {added} added, {updated} updated, {retired} retired.</source>
        <translation>Đã nhận danh mục thủ tục {version}: thêm {added}, cập nhật {updated}, ngừng áp dụng {retired}.</translation>
    </message>
    <message>
        <source>The province&apos;s procedure catalogue could not be used and was not applied: {reason}</source>
        <translation>Danh mục thủ tục của tỉnh không dùng được nên chưa áp dụng: {reason}</translation>
    </message>
    <message>
        <source>Working calendar {version} received: {days} day(s) set.</source>
        <translation>Đã nhận lịch làm việc {version}: {days} ngày được quy định.</translation>
    </message>
    <message>
        <source>{count} refused item(s) queued to be sent again.</source>
        <translation>Đã xếp {count} mục bị từ chối để gửi lại.</translation>
    </message>
    <message>
        <source>dossier record</source>
        <translation>thông tin hồ sơ</translation>
    </message>
    <message>
        <source>processing step</source>
        <translation>bước xử lý</translation>
    </message>
    <message>
        <source>scanned paper</source>
        <translation>giấy tờ số hóa</translation>
    </message>
    <message>
        <source>queue ticket</source>
        <translation>phiếu xếp hàng</translation>
    </message>
    <message>
        <source>“{value}” is not the code of a queue ticket.</source>
        <translation>“{value}” không phải mã của một phiếu xếp hàng.</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <source>Dossier details</source>
        <translation>Chi tiết hồ sơ</translation>
    </message>
    <message>
        <source>Reading the dossier…</source>
        <translation>Đang đọc hồ sơ…</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Bản số hóa</translation>
    </message>
    <message>
        <source>Open the scan</source>
        <translation>Mở bản số hóa</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Procedure and dates</source>
        <translation>Thủ tục và thời hạn</translation>
    </message>
    <message>
        <source>Forms and province</source>
        <translation>Phiếu đã lập và đồng bộ với tỉnh</translation>
    </message>
    <message>
        <source>Forms:</source>
        <translation>Phiếu:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Tỉnh:</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Decided by: %1</source>
        <translation>Cơ quan giải quyết: %1</translation>
    </message>
    <message>
        <source>Received %1 by %2</source>
        <translation>Tiếp nhận %1, người tiếp nhận %2</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Hẹn trả %1</translation>
    </message>
    <message>
        <source>New date after the apology: %1</source>
        <translation>Hẹn lại sau khi xin lỗi: %1</translation>
    </message>
    <message>
        <source>Decided %1</source>
        <translation>Có kết quả %1</translation>
    </message>
    <message>
        <source>Returned %1 to %2</source>
        <translation>Đã trả kết quả %1 cho %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>Số định danh: %1</translation>
    </message>
    <message>
        <source>Born: %1</source>
        <translation>Ngày sinh: %1</translation>
    </message>
    <message>
        <source>Filed by proxy: %1 (ID %2)</source>
        <translation>Người nộp thay: %1 (số định danh %2)</translation>
    </message>
    <message>
        <source>Authorisation: %1</source>
        <translation>Văn bản ủy quyền: %1</translation>
    </message>
    <message>
        <source>Receipt (Mẫu 01)</source>
        <translation>Giấy tiếp nhận (Mẫu 01)</translation>
    </message>
    <message>
        <source>Supplement request (Mẫu 02)</source>
        <translation>Phiếu yêu cầu bổ sung (Mẫu 02)</translation>
    </message>
    <message>
        <source>Refusal (Mẫu 03)</source>
        <translation>Phiếu từ chối (Mẫu 03)</translation>
    </message>
    <message>
        <source>Apology (Mẫu 04)</source>
        <translation>Phiếu xin lỗi (Mẫu 04)</translation>
    </message>
    <message>
        <source>Stop notice (Mẫu 05)</source>
        <translation>Thông báo dừng (Mẫu 05)</translation>
    </message>
    <message>
        <source>Control sheet (Mẫu 06)</source>
        <translation>Phiếu kiểm soát (Mẫu 06)</translation>
    </message>
    <message>
        <source>Fee receipt</source>
        <translation>Biên lai thu phí, lệ phí</translation>
    </message>
    <message>
        <source>Reached the provincial system</source>
        <translation>Đã lên hệ thống của tỉnh</translation>
    </message>
    <message>
        <source>The provincial system refused part of it: see the sync log</source>
        <translation>Tỉnh từ chối một phần: xem nhật ký đồng bộ</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n thay đổi đang chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Last acknowledged %1</source>
        <translation>Tỉnh xác nhận lần cuối %1</translation>
    </message>
    <message>
        <source>Status last set by the province %1</source>
        <translation>Tỉnh cập nhật trạng thái lần cuối %1</translation>
    </message>
    <message>
        <source>The result</source>
        <translation>Kết quả giải quyết</translation>
    </message>
    <message>
        <source>Shown only</source>
        <translation>Chỉ xuất trình</translation>
    </message>
    <message>
        <source>Given voluntarily</source>
        <translation>Nộp thêm</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>Chưa số hóa</translation>
    </message>
    <message>
        <source>Received by: %1</source>
        <translation>Bên nhận: %1</translation>
    </message>
    <message>
        <source>Undone by %1 at %2: %3</source>
        <translation>Đã hủy bởi %1 lúc %2: %3</translation>
    </message>
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <source>All dossiers</source>
        <translation>Tất cả hồ sơ</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due within 2 working days</source>
        <translation>Đến hạn trong 2 ngày làm việc</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Apology due (Mẫu 04)</source>
        <translation>Cần xin lỗi (Mẫu 04)</translation>
    </message>
    <message>
        <source>Decided, awaiting return</source>
        <translation>Đã có kết quả, chờ trả</translation>
    </message>
    <message>
        <source>Returned (last 31 days)</source>
        <translation>Đã trả (31 ngày qua)</translation>
    </message>
    <message>
        <source>Waiting for a supplement (Mẫu 02)</source>
        <translation>Chờ bổ sung (Mẫu 02)</translation>
    </message>
    <message>
        <source>Refused (Mẫu 03)</source>
        <translation>Từ chối tiếp nhận (Mẫu 03)</translation>
    </message>
    <message>
        <source>Withdrawn or stopped (Mẫu 05)</source>
        <translation>Rút hoặc dừng xử lý (Mẫu 05)</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Tiếp nhận từ ngày</translation>
    </message>
    <message>
        <source>Search all dossiers</source>
        <translation>Tìm trong tất cả hồ sơ</translation>
    </message>
    <message>
        <source>Search: dossier code, ID number or name (accents optional)</source>
        <translation>Tìm: mã hồ sơ, số định danh hoặc họ tên (có dấu hay không dấu)</translation>
    </message>
    <message>
        <source>In the papers&apos; text</source>
        <translation>Trong nội dung giấy tờ</translation>
    </message>
    <message>
        <source>Search the words of the scanned papers (read by OCR)</source>
        <translation>Tìm theo chữ trong giấy tờ đã quét (nhận dạng bằng OCR)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <source>Hand to the department…</source>
        <translation>Chuyển xử lý…</translation>
    </message>
    <message>
        <source>Result received from the department…</source>
        <translation>Có kết quả…</translation>
    </message>
    <message>
        <source>Return the result…</source>
        <translation>Trả kết quả…</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Print a form…</source>
        <translation>In phiếu…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Request a supplement (Mẫu 02)…</source>
        <translation>Yêu cầu bổ sung (Mẫu 02)…</translation>
    </message>
    <message>
        <source>The missing papers arrived</source>
        <translation>Công dân đã bổ sung đủ</translation>
    </message>
    <message>
        <source>Citizen withdraws (Mẫu 05)…</source>
        <translation>Công dân rút hồ sơ (Mẫu 05)…</translation>
    </message>
    <message>
        <source>Apologise and set a new date (Mẫu 04)…</source>
        <translation>Xin lỗi và hẹn lại (Mẫu 04)…</translation>
    </message>
    <message>
        <source>Undo the last step (office head)…</source>
        <translation>Hủy bước xử lý cuối (lãnh đạo)…</translation>
    </message>
    <message>
        <source>Receipt (Mẫu 01)</source>
        <translation>Giấy tiếp nhận (Mẫu 01)</translation>
    </message>
    <message>
        <source>Supplement request (Mẫu 02)</source>
        <translation>Phiếu yêu cầu bổ sung (Mẫu 02)</translation>
    </message>
    <message>
        <source>Refusal (Mẫu 03)</source>
        <translation>Phiếu từ chối (Mẫu 03)</translation>
    </message>
    <message>
        <source>Apology (Mẫu 04)</source>
        <translation>Phiếu xin lỗi (Mẫu 04)</translation>
    </message>
    <message>
        <source>Stop notice (Mẫu 05)</source>
        <translation>Thông báo dừng (Mẫu 05)</translation>
    </message>
    <message>
        <source>Control sheet (Mẫu 06)</source>
        <translation>Phiếu kiểm soát (Mẫu 06)</translation>
    </message>
    <message>
        <source>Fee receipt</source>
        <translation>Biên lai thu phí, lệ phí</translation>
    </message>
    <message>
        <source>Register (Mẫu 07)…</source>
        <translation>Sổ theo dõi (Mẫu 07)…</translation>
    </message>
    <message>
        <source>Late dossiers of a month…</source>
        <translation>Hồ sơ trễ hạn trong tháng…</translation>
    </message>
    <message>
        <source>Scan the papers…</source>
        <translation>Số hóa giấy tờ…</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) will be late by the next working day: issue the apology (Mẫu 04) now.</source>
        <translation>
            <numerusform>%n hồ sơ sẽ trễ hạn trước ngày làm việc tiếp theo: hãy lập phiếu xin lỗi (Mẫu 04) ngay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found in this list.</source>
        <translation>Không tìm thấy hồ sơ nào trong danh sách này.</translation>
    </message>
    <message>
        <source>Reached the provincial system</source>
        <translation>Đã lên hệ thống của tỉnh</translation>
    </message>
    <message>
        <source>The provincial system refused part of it: see the sync log</source>
        <translation>Tỉnh từ chối một phần: xem nhật ký đồng bộ</translation>
    </message>
    <message>
        <source>Waiting to be sent to the provincial system</source>
        <translation>Đang chờ gửi lên hệ thống của tỉnh</translation>
    </message>
    <message>
        <source>%1: %2 · %3</source>
        <translation>%1: %2 · %3</translation>
    </message>
    <message>
        <source>handed to %1</source>
        <translation>đã chuyển cho %1</translation>
    </message>
    <message>
        <source>Request a supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>What must be supplemented, and why (once only):</source>
        <translation>Nội dung cần bổ sung và lý do (chỉ một lần):</translation>
    </message>
    <message>
        <source>The citizen withdraws</source>
        <translation>Công dân rút hồ sơ</translation>
    </message>
    <message>
        <source>The citizen&apos;s reason:</source>
        <translation>Lý do của công dân:</translation>
    </message>
    <message>
        <source>Apology and new date</source>
        <translation>Xin lỗi và hẹn lại</translation>
    </message>
    <message>
        <source>Why the dossier will be late:</source>
        <translation>Lý do hồ sơ trễ hạn:</translation>
    </message>
    <message>
        <source>Extend by how many working days?</source>
        <translation>Gia hạn thêm bao nhiêu ngày làm việc?</translation>
    </message>
    <message>
        <source>This dossier has no such form yet.</source>
        <translation>Hồ sơ này chưa có phiếu đó.</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>Late dossiers %1</source>
        <translation>Hồ sơ trễ hạn %1</translation>
    </message>
    <message>
        <source>Late dossiers</source>
        <translation>Hồ sơ trễ hạn</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Tháng:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>Chưa thực hiện được</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>FormViewer</name>
    <message>
        <source>Drawing the pages…</source>
        <translation>Đang dựng trang…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Xem trước khi in…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Lưu thành &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer did not take the form: check that it is on and has paper, then print again.</source>
        <translation>Máy in không nhận phiếu: hãy kiểm tra máy in đã bật và còn giấy, rồi in lại.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Lưu thành CSV</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Within the working day</source>
        <translation>Trong ngày làm việc</translation>
    </message>
    <message>
        <source>%n working day(s)</source>
        <translation>%n ngày làm việc</translation>
    </message>
    <message>
        <source>%n working hour(s)</source>
        <translation>%n giờ làm việc</translation>
    </message>
    <message>
        <source>{hour:02d}:{minute:02d} on {date}</source>
        <translation>{hour:02d} giờ {minute:02d} phút, ngày {date}</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <source>{amount} VND</source>
        <translation>{amount} đồng</translation>
    </message>
    <message>
        <source>Fully online</source>
        <translation>Trực tuyến toàn trình</translation>
    </message>
    <message>
        <source>Partly online</source>
        <translation>Trực tuyến một phần</translation>
    </message>
    <message>
        <source>In person only</source>
        <translation>Chỉ nộp trực tiếp</translation>
    </message>
    <message>
        <source>Shown only, not filed</source>
        <translation>Chỉ xuất trình, không nộp</translation>
    </message>
    <message>
        <source>%n original(s)</source>
        <translation>%n bản chính</translation>
    </message>
    <message>
        <source>%n copy/copies</source>
        <translation>%n bản sao</translation>
    </message>
    <message>
        <source>certified copy accepted</source>
        <translation>nhận bản sao chứng thực</translation>
    </message>
    <message>
        <source>electronic copy accepted</source>
        <translation>nhận bản sao điện tử</translation>
    </message>
    <message>
        <source>If received now, the result is due at</source>
        <translation>Nếu nộp ngay bây giờ, hẹn trả kết quả lúc</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Papers to bring</source>
        <translation>Giấy tờ cần mang theo</translation>
    </message>
    <message>
        <source>Nothing beyond this list may be required.</source>
        <translation>Không được yêu cầu thêm giấy tờ ngoài danh sách này.</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand %1 to the department</source>
        <translation>Chuyển xử lý hồ sơ %1</translation>
    </message>
    <message>
        <source>e.g. Phòng Tư pháp, or the officer&apos;s name</source>
        <translation>Ví dụ: Phòng Tư pháp, hoặc họ tên công chức</translation>
    </message>
    <message>
        <source>Department or officer receiving it</source>
        <translation>Phòng, bộ phận hoặc công chức nhận</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Ghi chú (nếu có)</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Chuyển…</translation>
    </message>
    <message>
        <source>Name the department or officer who receives the dossier.</source>
        <translation>Hãy ghi phòng, bộ phận hoặc công chức nhận hồ sơ.</translation>
    </message>
    <message>
        <source>Confirm the hand-over</source>
        <translation>Xác nhận chuyển xử lý</translation>
    </message>
    <message>
        <source>Hand the dossier %1 to “%2”?</source>
        <translation>Chuyển hồ sơ %1 cho “%2”?</translation>
    </message>
    <message>
        <source>A hand-over cannot be undone at the counter: only the office head can undo it.</source>
        <translation>Cán bộ tại quầy không hủy được việc chuyển xử lý: chỉ lãnh đạo bộ phận mới hủy được.</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Chuyển</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>◀  Back</source>
        <translation>◀  Quay lại</translation>
    </message>
    <message>
        <source>PRIORITY
the elderly, people with disabilities, pregnant women,
people with young children, people with meritorious service</source>
        <translation>ƯU TIÊN
người cao tuổi, người khuyết tật, phụ nữ mang thai,
người có con nhỏ, người có công với cách mạng</translation>
    </message>
    <message>
        <source>See procedures and the papers to bring</source>
        <translation>Xem thủ tục và giấy tờ cần mang theo</translation>
    </message>
    <message>
        <source>Already filed? Scan the QR code on your receipt to see your dossier</source>
        <translation>Đã nộp hồ sơ? Quét mã QR trên giấy hẹn để xem hồ sơ</translation>
    </message>
    <message>
        <source>Dossier %1</source>
        <translation>Hồ sơ %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Tình trạng: %1</translation>
    </message>
    <message>
        <source>Your result is ready: please collect it at the counter.</source>
        <translation>Đã có kết quả: mời ông/bà đến quầy nhận.</translation>
    </message>
    <message>
        <source>Result collected on %1.</source>
        <translation>Kết quả đã được nhận ngày %1.</translation>
    </message>
    <message>
        <source>Result due: %1</source>
        <translation>Hẹn trả kết quả: %1</translation>
    </message>
    <message>
        <source>This code is not a dossier of this office. Please ask at a counter.</source>
        <translation>Mã này không phải hồ sơ của Trung tâm. Xin hỏi tại quầy.</translation>
    </message>
    <message>
        <source>Hold the QR code of your receipt under the scanner,
or touch the keys below to type the receipt code.</source>
        <translation>Ông/bà đưa mã QR trên giấy tiếp nhận vào máy quét,
hoặc chạm các phím bên dưới để nhập mã hồ sơ.</translation>
    </message>
    <message>
        <source>Please type the code printed on your receipt, then touch “Search”.</source>
        <translation>Xin ông/bà nhập mã hồ sơ in trên giấy tiếp nhận, rồi chạm “Tra cứu”.</translation>
    </message>
    <message>
        <source>No dossier has the code %1. Please check the code on your receipt, or ask at a counter.</source>
        <translation>Không có hồ sơ nào mang mã %1. Xin ông/bà kiểm tra lại mã trên giấy tiếp nhận, hoặc hỏi tại quầy.</translation>
    </message>
    <message>
        <source>Print the ticket again</source>
        <translation>In lại vé</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Sai mã PIN.</translation>
    </message>
    <message>
        <source>%1 in the morning</source>
        <translation>%1 sáng</translation>
    </message>
    <message>
        <source>%1 in the afternoon</source>
        <translation>%1 chiều</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>thứ Hai</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>thứ Ba</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>thứ Tư</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>thứ Năm</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>thứ Sáu</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>thứ Bảy</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>The office is closed and issues no numbers now. It opens at %1.</source>
        <translation>Trung tâm đang nghỉ, không cấp số thứ tự lúc này. Trung tâm mở cửa lúc %1.</translation>
    </message>
    <message>
        <source>The office is closed</source>
        <translation>Trung tâm đang nghỉ</translation>
    </message>
    <message>
        <source>Touch the service you need to take a number.</source>
        <translation>Chạm vào lĩnh vực cần làm để lấy số thứ tự.</translation>
    </message>
    <message>
        <source>The office is closed now. It opens at %1.
You can take a number now: it will be called when the office opens.</source>
        <translation>Trung tâm đang nghỉ. Trung tâm mở cửa lúc %1.
Ông/bà vẫn có thể lấy số ngay bây giờ: số sẽ được mời khi trung tâm mở cửa.</translation>
    </message>
    <message>
        <source>Priority number – %1. Touch the service you need.</source>
        <translation>Số ưu tiên – %1. Chạm vào lĩnh vực cần làm.</translation>
    </message>
    <message>
        <source>Which priority group are you in?</source>
        <translation>Ông/bà thuộc nhóm ưu tiên nào?</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Số thứ tự của ông/bà</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to close the kiosk</source>
        <translation>Chỉ dành cho cán bộ: nhập mã PIN để đóng máy lấy số</translation>
    </message>
    <message>
        <source>Look up your dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Tickets are not set up yet. Please ask at a counter.</source>
        <translation>Máy lấy số chưa được thiết lập. Xin mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>No one is ahead of you.</source>
        <translation>Không có ai trước ông/bà.</translation>
    </message>
    <message>
        <source>You will be called shortly.</source>
        <translation>Ông/bà sẽ được mời ngay.</translation>
    </message>
    <message numerus="yes">
        <source>%n people ahead of you.</source>
        <translation>
            <numerusform>Trước ông/bà còn %n người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Estimated wait: about %n minutes.</source>
        <translation>
            <numerusform>Thời gian chờ dự kiến: khoảng %n phút.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please take a seat. Your number will be shown on the screen and called out.</source>
        <translation>Xin mời ông/bà ngồi chờ. Số sẽ hiện trên màn hình và được đọc qua loa.</translation>
    </message>
    <message>
        <source>Your number will be called when the office opens at %1.</source>
        <translation>Số của ông/bà sẽ được mời khi trung tâm mở cửa lúc %1.</translation>
    </message>
    <message>
        <source>Queue number</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 ngày %2</translation>
    </message>
    <message>
        <source>Please wait for your number on the screen.</source>
        <translation>Xin mời ông/bà chờ đến lượt trên màn hình.</translation>
    </message>
    <message>
        <source>No paper ticket is printed here. Please remember your number: %1.</source>
        <translation>Máy này không in phiếu giấy. Xin ông/bà nhớ số của mình: %1.</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Please remember your number %1, or touch “Print the ticket again”.</source>
        <translation>Chưa in được vé. Xin ông/bà nhớ số %1, hoặc chạm “In lại vé”.</translation>
    </message>
    <message>
        <source>No number could be issued. Please ask at a counter.</source>
        <translation>Chưa lấy được số. Xin mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>Tickets are not available right now. Please ask at a counter.</source>
        <translation>Máy lấy số đang tạm dừng. Xin mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>The office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Its name and agency electronic ID are printed on every form and ticket.</source>
        <translation>Tên đơn vị và mã định danh điện tử được in trên mọi biểu mẫu và phiếu.</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ví dụ: %1</translation>
    </message>
    <message>
        <source>printed on the request for missing papers</source>
        <translation>in trên phiếu yêu cầu bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>This computer has no office set up yet. The next pages set up the office, its service areas and counters, this computer, the catalogue of procedures and the first accounts. Nothing is saved until you press Finish.</source>
        <translation>Máy tính này chưa thiết lập đơn vị. Các trang sau lần lượt thiết lập đơn vị, các khu vực dịch vụ và quầy, máy tính này, danh mục thủ tục hành chính và các tài khoản đầu tiên. Chưa có gì được lưu cho đến khi bạn bấm Hoàn tất.</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Agency electronic ID</source>
        <translation>Mã định danh điện tử</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Place name on forms</source>
        <translation>Địa danh trên biểu mẫu</translation>
    </message>
    <message>
        <source>Office phone (optional)</source>
        <translation>Điện thoại đơn vị (không bắt buộc)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Mật khẩu mới cho %1</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Ticket printer</source>
        <translation>Máy in phiếu</translation>
    </message>
    <message>
        <source>The kiosk prints the queue tickets. A counter or a display board usually has no ticket printer.</source>
        <translation>Máy lấy số in phiếu thứ tự. Máy tính ở quầy hoặc bảng hiển thị thường không có máy in phiếu.</translation>
    </message>
    <message>
        <source>No ticket printer on this computer</source>
        <translation>Máy này không có máy in phiếu</translation>
    </message>
    <message>
        <source>A network printer (LAN cable or Wi-Fi)</source>
        <translation>Máy in mạng (cáp LAN hoặc Wi-Fi)</translation>
    </message>
    <message>
        <source>A USB printer</source>
        <translation>Máy in USB</translation>
    </message>
    <message>
        <source>A serial-port printer</source>
        <translation>Máy in cổng nối tiếp (COM)</translation>
    </message>
    <message>
        <source>A printer installed in Windows</source>
        <translation>Máy in đã cài trong Windows</translation>
    </message>
    <message>
        <source>80 mm paper</source>
        <translation>Giấy khổ 80 mm</translation>
    </message>
    <message>
        <source>58 mm paper</source>
        <translation>Giấy khổ 58 mm</translation>
    </message>
    <message>
        <source>Where it is</source>
        <translation>Địa chỉ máy in</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ví dụ: %1</translation>
    </message>
    <message>
        <source>vendor:product, e.g. 0416:5011</source>
        <translation>mã hãng:mã máy, ví dụ 0416:5011</translation>
    </message>
    <message>
        <source>the printer&apos;s name in Windows</source>
        <translation>tên máy in trong Windows</translation>
    </message>
</context>
<context>
    <name>ProcedureGuide</name>
    <message>
        <source>Which service do you need? Touch a field to see its procedures.</source>
        <translation>Ông/bà cần làm thủ tục gì? Chạm vào một lĩnh vực để xem các thủ tục.</translation>
    </message>
    <message>
        <source>%1: touch a procedure</source>
        <translation>%1: chạm vào thủ tục cần làm</translation>
    </message>
    <message>
        <source>Papers to bring</source>
        <translation>Giấy tờ cần mang theo</translation>
    </message>
    <message>
        <source>No number is taken at this machine for this procedure. Please ask at a counter.</source>
        <translation>Thủ tục này không lấy số tại máy. Xin mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>Take a number for this procedure</source>
        <translation>Lấy số cho thủ tục này</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Service areas and counters</source>
        <translation>Khu vực dịch vụ và quầy</translation>
    </message>
    <message>
        <source>Each service area is a button on the kiosk and a ticket letter (A001, B001…); each counter calls the tickets of the areas ticked for it.</source>
        <translation>Mỗi khu vực dịch vụ là một nút trên máy lấy số và một chữ cái của số phiếu (A001, B001…); mỗi quầy gọi số của các khu vực được đánh dấu cho quầy đó.</translation>
    </message>
    <message>
        <source>Service areas</source>
        <translation>Khu vực dịch vụ</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Chữ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ví dụ: %1</translation>
    </message>
    <message>
        <source>Add the area</source>
        <translation>Thêm khu vực</translation>
    </message>
    <message>
        <source>Remove the chosen area</source>
        <translation>Xóa khu vực đã chọn</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Calls from</source>
        <translation>Gọi số của</translation>
    </message>
    <message>
        <source>Add a service area first.</source>
        <translation>Hãy thêm khu vực dịch vụ trước.</translation>
    </message>
    <message>
        <source>Save the counter</source>
        <translation>Lưu quầy</translation>
    </message>
    <message>
        <source>Remove the chosen counter</source>
        <translation>Xóa quầy đã chọn</translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation>Số quầy</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Counter %1</source>
        <translation>Quầy số %1</translation>
    </message>
    <message>
        <source>Number being served</source>
        <translation>Số đang phục vụ</translation>
    </message>
    <message>
        <source>Call the next number</source>
        <translation>Gọi số tiếp theo</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>Gọi lại</translation>
    </message>
    <message>
        <source>The citizen has come: start</source>
        <translation>Công dân đã đến: bắt đầu</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Chuyển…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Waiting for this counter, in calling order:</source>
        <translation>Đang chờ quầy này, theo thứ tự gọi:</translation>
    </message>
    <message>
        <source>Number %1 did not come.</source>
        <translation>Số %1 không đến.</translation>
    </message>
    <message>
        <source>Number %1 has been served.</source>
        <translation>Số %1 đã được phục vụ xong.</translation>
    </message>
    <message>
        <source>Number %1 was transferred to counter %2.</source>
        <translation>Số %1 đã chuyển sang quầy %2.</translation>
    </message>
    <message>
        <source>Number %1 was transferred to area %2.</source>
        <translation>Số %1 đã chuyển sang khu vực %2.</translation>
    </message>
    <message>
        <source>No one is waiting for this counter.</source>
        <translation>Không có ai đang chờ ở quầy này.</translation>
    </message>
    <message>
        <source>Press “Call the next number”.</source>
        <translation>Bấm “Gọi số tiếp theo”.</translation>
    </message>
    <message>
        <source>No one called yet. Press “Call the next number”.</source>
        <translation>Chưa gọi số nào. Bấm “Gọi số tiếp theo”.</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Đang chờ: %1</translation>
    </message>
    <message>
        <source>longest %1 min</source>
        <translation>lâu nhất %1 phút</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n số nữa</numerusform>
        </translation>
    </message>
    <message>
        <source>sent to this counter</source>
        <translation>chuyển đến quầy này</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>ưu tiên</translation>
    </message>
    <message>
        <source>To counter %1</source>
        <translation>Sang quầy %1</translation>
    </message>
    <message>
        <source>To area %1 — %2</source>
        <translation>Sang khu vực %1 — %2</translation>
    </message>
</context>
<context>
    <name>QueueSetupDialog</name>
    <message>
        <source>Queue and service areas</source>
        <translation>Xếp hàng và khu vực dịch vụ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Service areas (one kiosk button and ticket letter each)</source>
        <translation>Khu vực dịch vụ (mỗi khu vực một nút trên máy lấy số và một chữ cái đầu số)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Chữ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Save the area</source>
        <translation>Lưu khu vực</translation>
    </message>
    <message>
        <source>Fields of procedures served in this area (saved with the area):</source>
        <translation>Các lĩnh vực thủ tục thuộc khu vực này (lưu cùng khu vực):</translation>
    </message>
    <message>
        <source>Counters and the areas each one calls</source>
        <translation>Các quầy và khu vực mỗi quầy gọi số</translation>
    </message>
    <message>
        <source>Save the counter</source>
        <translation>Lưu quầy</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Calls from</source>
        <translation>Gọi số của</translation>
    </message>
    <message>
        <source>Priority tickets</source>
        <translation>Số ưu tiên</translation>
    </message>
    <message>
        <source>Always before the others</source>
        <translation>Luôn gọi trước</translation>
    </message>
    <message>
        <source>One priority ticket after every</source>
        <translation>Một số ưu tiên sau mỗi</translation>
    </message>
    <message>
        <source> others</source>
        <translation> số thường</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Outside office hours</source>
        <translation>Ngoài giờ làm việc</translation>
    </message>
    <message>
        <source>Before opening and during the lunch break, the kiosks issue numbers (called when the office opens)</source>
        <translation>Trước giờ mở cửa và trong giờ nghỉ trưa, máy lấy số vẫn cấp số (số được mời khi trung tâm mở cửa)</translation>
    </message>
    <message>
        <source>Counter %1: %2</source>
        <translation>Quầy %1: %2</translation>
    </message>
</context>
<context>
    <name>ReceptionPanel</name>
    <message>
        <source>Scan the QR code on the citizen&apos;s ID card here</source>
        <translation>Quét mã QR trên thẻ căn cước của công dân vào đây</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>ID card QR</source>
        <translation>Mã QR căn cước</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number (12 digits)</source>
        <translation>Số định danh (12 số)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Filed by someone else (authorised)</source>
        <translation>Người nộp thay (được ủy quyền)</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Authorisation paper</source>
        <translation>Giấy ủy quyền</translation>
    </message>
    <message>
        <source>Procedure: name (accents optional), code or field</source>
        <translation>Thủ tục: tên (có dấu hay không dấu), mã hoặc lĩnh vực</translation>
    </message>
    <message>
        <source>No procedure chosen.</source>
        <translation>Chưa chọn thủ tục.</translation>
    </message>
    <message>
        <source>Component (from the catalogue)</source>
        <translation>Thành phần hồ sơ (theo bộ thủ tục)</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Reason (not acceptable, not applicable)</source>
        <translation>Lý do (không đạt, không áp dụng)</translation>
    </message>
    <message>
        <source>All papers accepted</source>
        <translation>Tất cả đều đạt</translation>
    </message>
    <message>
        <source>Note a paper given voluntarily…</source>
        <translation>Ghi nhận giấy tờ nộp tự nguyện…</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Số bộ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Nhận kết quả</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Hình thức nộp</translation>
    </message>
    <message>
        <source>Receive · print receipt (Mẫu 01)</source>
        <translation>Tiếp nhận · in giấy hẹn (Mẫu 01)</translation>
    </message>
    <message>
        <source>Incomplete · request (Mẫu 02)</source>
        <translation>Chưa đủ · yêu cầu bổ sung (Mẫu 02)</translation>
    </message>
    <message>
        <source>Refuse (Mẫu 03)…</source>
        <translation>Từ chối (Mẫu 03)…</translation>
    </message>
    <message>
        <source>New citizen</source>
        <translation>Công dân mới</translation>
    </message>
    <message>
        <source>Receive anyway (the citizen files again)</source>
        <translation>Vẫn tiếp nhận (công dân nộp thêm lần nữa)</translation>
    </message>
    <message>
        <source>The date of birth “%1” is not a real date (dd/mm/yyyy).</source>
        <translation>Ngày sinh “%1” không phải ngày có thật (nn/tt/nnnn).</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>hẹn trả %1</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <source> (shown only)</source>
        <translation> (chỉ xuất trình)</translation>
    </message>
    <message>
        <source>%1 original(s)</source>
        <translation>%1 bản chính</translation>
    </message>
    <message>
        <source>%1 copy/copies</source>
        <translation>%1 bản sao</translation>
    </message>
    <message>
        <source> — given voluntarily</source>
        <translation> — nộp tự nguyện</translation>
    </message>
    <message>
        <source>Not the case for this citizen</source>
        <translation>Không thuộc trường hợp phải nộp</translation>
    </message>
    <message>
        <source>Marked not applicable (change it if it is the citizen&apos;s case): %1</source>
        <translation>Đã ghi “Không áp dụng” (hãy sửa nếu công dân thuộc trường hợp phải nộp): %1</translation>
    </message>
    <message>
        <source>A paper given voluntarily</source>
        <translation>Giấy tờ nộp tự nguyện</translation>
    </message>
    <message>
        <source>The catalogue does not require it; the citizen chose to give it. Its name:</source>
        <translation>Bộ thủ tục không yêu cầu giấy tờ này; công dân tự nguyện nộp. Tên giấy tờ:</translation>
    </message>
    <message>
        <source>%1 đồng</source>
        <translation>%1 đồng</translation>
    </message>
    <message>
        <source>No fee</source>
        <translation>Không thu phí</translation>
    </message>
    <message>
        <source>Choose the procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <source>Refuse the dossier</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>The specific reason, as printed on Mẫu 03:</source>
        <translation>Lý do cụ thể, in trên Mẫu 03:</translation>
    </message>
    <message>
        <source>Correct the fields marked in red: nothing was saved.</source>
        <translation>Hãy sửa các ô có thông báo màu đỏ: chưa lưu gì.</translation>
    </message>
    <message>
        <source>Not complete either: %1.</source>
        <translation>Hồ sơ cũng chưa đủ: %1.</translation>
    </message>
    <message>
        <source>The dossier lacks the components listed below.</source>
        <translation>Hồ sơ còn thiếu các thành phần liệt kê dưới đây.</translation>
    </message>
    <message>
        <source>Saved: dossier %1 · %2 · result due %3</source>
        <translation>Đã lưu: hồ sơ %1 · %2 · hẹn trả %3</translation>
    </message>
    <message>
        <source>Saved: dossier %1 · %2 · no appointment</source>
        <translation>Đã lưu: hồ sơ %1 · %2 · không hẹn trả</translation>
    </message>
    <message>
        <source>Serving ticket %1</source>
        <translation>Đang phục vụ số %1</translation>
    </message>
    <message>
        <source>What was typed for this citizen is not saved. Clear it and start a new citizen?</source>
        <translation>Thông tin đang nhập cho công dân này chưa được lưu. Xóa đi để tiếp nhận công dân mới?</translation>
    </message>
    <message>
        <source>Clear and start anew</source>
        <translation>Xóa và nhập mới</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Call the next number</source>
        <translation>Gọi số tiếp theo</translation>
    </message>
    <message>
        <source>What was typed for this citizen is not saved. Discard it and call the next number? Keep it to finish this dossier first.</source>
        <translation>Thông tin đã nhập cho công dân này chưa được lưu. Bỏ thông tin đó và gọi số tiếp theo? Chọn “Giữ lại” để hoàn tất hồ sơ này trước.</translation>
    </message>
    <message>
        <source>Discard and call the next number</source>
        <translation>Bỏ và gọi số tiếp theo</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>What was typed for this citizen is not saved. Clear it and sign out?</source>
        <translation>Thông tin vừa nhập cho công dân này chưa được lưu. Xóa đi và đăng xuất?</translation>
    </message>
    <message>
        <source>Clear and sign out</source>
        <translation>Xóa và đăng xuất</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register (Mẫu 07)</source>
        <translation>Sổ theo dõi hồ sơ (Mẫu 07)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Show the register</source>
        <translation>Xem sổ</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return the result of %1</source>
        <translation>Trả kết quả hồ sơ %1</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Identification shown</source>
        <translation>Giấy tờ xuất trình</translation>
    </message>
    <message>
        <source>Its number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Fee of %1 đồng paid by</source>
        <translation>Phí %1 đồng nộp bằng</translation>
    </message>
    <message>
        <source>Return the result</source>
        <translation>Trả kết quả</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan the papers</source>
        <translation>Số hóa giấy tờ</translation>
    </message>
    <message>
        <source>Use this digitised copy</source>
        <translation>Dùng bản đã số hóa này</translation>
    </message>
    <message>
        <source>View the saved file</source>
        <translation>Xem tệp đã lưu</translation>
    </message>
    <message>
        <source>Remove the saved file</source>
        <translation>Bỏ tệp đã lưu</translation>
    </message>
    <message>
        <source>Papers of the dossier</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Feeder</source>
        <translation>Khay nạp giấy</translation>
    </message>
    <message>
        <source>Feeder, both sides</source>
        <translation>Khay nạp giấy, hai mặt</translation>
    </message>
    <message>
        <source>Flatbed (glass)</source>
        <translation>Mặt kính</translation>
    </message>
    <message>
        <source>Colour kept where needed (automatic)</source>
        <translation>Tự động (giữ màu khi cần)</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <source>&amp;Import from files…</source>
        <translation>&amp;Nhập từ tệp…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>⟲ Turn left</source>
        <translation>⟲ Xoay trái</translation>
    </message>
    <message>
        <source>⟳ Turn right</source>
        <translation>⟳ Xoay phải</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>Xóa trang</translation>
    </message>
    <message>
        <source>Rescan page</source>
        <translation>Quét lại trang</translation>
    </message>
    <message>
        <source>Store: automatic</source>
        <translation>Lưu: tự động</translation>
    </message>
    <message>
        <source>Store: black and white</source>
        <translation>Lưu: đen trắng</translation>
    </message>
    <message>
        <source>Store: grey</source>
        <translation>Lưu: thang xám</translation>
    </message>
    <message>
        <source>Store: colour</source>
        <translation>Lưu: màu</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Chuyển sang</translation>
    </message>
    <message>
        <source>Save this paper (PDF/A)</source>
        <translation>Lưu giấy tờ này (PDF/A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Reading the dossier…</source>
        <translation>Đang đọc hồ sơ…</translation>
    </message>
    <message>
        <source>Put the papers in the scanner and press Scan, or import them from files.</source>
        <translation>Đặt giấy tờ vào máy quét rồi bấm Quét, hoặc nhập từ tệp.</translation>
    </message>
    <message>
        <source>Scan the papers of dossier %1</source>
        <translation>Số hóa giấy tờ của hồ sơ %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Kết quả: %1</translation>
    </message>
    <message>
        <source>shown at the counter: not scanned</source>
        <translation>chỉ xuất trình: không quét</translation>
    </message>
    <message>
        <source>not applicable: not scanned</source>
        <translation>không áp dụng: không số hóa</translation>
    </message>
    <message>
        <source>not brought</source>
        <translation>không mang theo</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) not saved yet</source>
        <translation>
            <numerusform>%n trang chưa lưu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>saved: %n page(s)</source>
        <translation>
            <numerusform>đã lưu: %n trang</numerusform>
        </translation>
    </message>
    <message>
        <source>copy from %1</source>
        <translation>bản sao từ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n blank page(s)</source>
        <translation>
            <numerusform>%n trang trắng</numerusform>
        </translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>chưa quét</translation>
    </message>
    <message numerus="yes">
        <source>Already digitised in dossier %1 (%2, %n page(s)): no need to scan it again.</source>
        <translation>
            <numerusform>Đã số hóa trong hồ sơ %1 (%2, %n trang): không cần quét lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>B/W</source>
        <translation>đen trắng</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>xám</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>màu</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <source>Blank page?</source>
        <translation>Trang trắng?</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <source>Scanning the page again…</source>
        <translation>Đang quét lại trang…</translation>
    </message>
    <message>
        <source>feeder</source>
        <translation>khay nạp</translation>
    </message>
    <message>
        <source>glass</source>
        <translation>mặt kính</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, trang %2</translation>
    </message>
    <message>
        <source>Import scanned papers</source>
        <translation>Nhập giấy tờ đã quét</translation>
    </message>
    <message>
        <source>Images and PDF (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>Ảnh và PDF (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) on this paper</source>
        <translation>
            <numerusform>Giấy tờ này có %n trang</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) added. Check them, then save.</source>
        <translation>
            <numerusform>Đã thêm %n trang. Kiểm tra rồi lưu.</numerusform>
        </translation>
    </message>
    <message>
        <source>No page came in.</source>
        <translation>Không nhận được trang nào.</translation>
    </message>
    <message>
        <source>Pages %1 look blank: delete them if they are the back of a sheet.</source>
        <translation>Trang %1 có vẻ trắng: xóa đi nếu đó là mặt sau của tờ giấy.</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>Sẽ dừng sau trang đang quét…</translation>
    </message>
    <message>
        <source>Turning…</source>
        <translation>Đang xoay…</translation>
    </message>
    <message>
        <source>Encoding again…</source>
        <translation>Đang lưu lại…</translation>
    </message>
    <message>
        <source>Making the PDF/A…</source>
        <translation>Đang tạo PDF/A…</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %1 (%n page(s)).</source>
        <translation>
            <numerusform>Đã lưu: %1 (%n trang).</numerusform>
        </translation>
    </message>
    <message>
        <source>Copying the digitised paper…</source>
        <translation>Đang sao bản đã số hóa…</translation>
    </message>
    <message numerus="yes">
        <source>Remove the saved file of “%1” (%n page(s))? The paper must then be scanned again.</source>
        <translation>
            <numerusform>Xóa tệp đã lưu của “%1” (%n trang)? Sau đó phải quét lại giấy tờ này.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the file</source>
        <translation>Xóa tệp</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Pages not saved</source>
        <translation>Trang chưa lưu</translation>
    </message>
    <message numerus="yes">
        <source>%n scanned page(s) are not saved yet. Close and discard them?</source>
        <translation>
            <numerusform>%n trang đã quét chưa được lưu. Đóng và bỏ các trang này?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScannerGroup</name>
    <message>
        <source>Scanner (this computer)</source>
        <translation>Máy quét (máy tính này)</translation>
    </message>
    <message>
        <source>None: papers are imported from files</source>
        <translation>Không có: nhập giấy tờ từ tệp</translation>
    </message>
    <message>
        <source>SANE (Linux: USB or network scanners)</source>
        <translation>SANE (Linux: máy quét USB hoặc mạng)</translation>
    </message>
    <message>
        <source>WIA (Windows scanner drivers)</source>
        <translation>WIA (trình điều khiển máy quét Windows)</translation>
    </message>
    <message>
        <source>Network copier (eSCL / AirScan)</source>
        <translation>Máy photocopy qua mạng (eSCL / AirScan)</translation>
    </message>
    <message>
        <source>A folder the copier scans into</source>
        <translation>Thư mục máy photocopy quét vào</translation>
    </message>
    <message>
        <source>Find scanners</source>
        <translation>Tìm máy quét</translation>
    </message>
    <message>
        <source>300 dpi (default, TT 03/2025)</source>
        <translation>300 dpi (mặc định, TT 03/2025)</translation>
    </message>
    <message>
        <source>200 dpi (ordinary papers)</source>
        <translation>200 dpi (giấy tờ thông thường)</translation>
    </message>
    <message>
        <source>Scan a test page</source>
        <translation>Quét thử một trang</translation>
    </message>
    <message>
        <source>Checking for Tesseract…</source>
        <translation>Đang kiểm tra Tesseract…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Độ phân giải</translation>
    </message>
    <message>
        <source>Text recognition</source>
        <translation>Nhận dạng chữ</translation>
    </message>
    <message>
        <source>e.g. genesys:libusb:001:004 (press Find scanners)</source>
        <translation>vd. genesys:libusb:001:004 (bấm Tìm máy quét)</translation>
    </message>
    <message>
        <source>press Find scanners</source>
        <translation>bấm Tìm máy quét</translation>
    </message>
    <message>
        <source>e.g. http://192.168.1.20:8080 (the copier&apos;s address)</source>
        <translation>vd. http://192.168.1.20:8080 (địa chỉ máy photocopy)</translation>
    </message>
    <message>
        <source>e.g. D:\Scans or a USB stick</source>
        <translation>vd. D:\Scans hoặc ổ USB</translation>
    </message>
    <message>
        <source>Looking for scanners…</source>
        <translation>Đang tìm máy quét…</translation>
    </message>
    <message numerus="yes">
        <source>%n scanner(s) found.</source>
        <translation>
            <numerusform>Tìm thấy %n máy quét.</numerusform>
        </translation>
    </message>
    <message>
        <source>No scanner found.</source>
        <translation>Không tìm thấy máy quét nào.</translation>
    </message>
    <message>
        <source>Scanning a test page…</source>
        <translation>Đang quét thử một trang…</translation>
    </message>
    <message>
        <source>The scanner answered but sent no page.</source>
        <translation>Máy quét có phản hồi nhưng không gửi trang nào.</translation>
    </message>
    <message>
        <source>The scanner works: one page of %1 × %2 pixels.</source>
        <translation>Máy quét hoạt động: một trang %1 × %2 điểm ảnh.</translation>
    </message>
    <message>
        <source>On: %1 with Vietnamese reads the scanned papers in the background.</source>
        <translation>Bật: %1 tiếng Việt đọc giấy tờ đã quét ở chế độ nền.</translation>
    </message>
    <message>
        <source>Off: Tesseract is installed without its Vietnamese data (tesseract-ocr-vie).</source>
        <translation>Tắt: Tesseract đã cài nhưng thiếu dữ liệu tiếng Việt (tesseract-ocr-vie).</translation>
    </message>
    <message>
        <source>Off: Tesseract is not installed. Scanning works; papers are not searchable by their text until it is.</source>
        <translation>Tắt: chưa cài Tesseract. Vẫn quét được; chỉ chưa tìm được hồ sơ theo nội dung giấy tờ.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Office settings</source>
        <translation>Cài đặt đơn vị</translation>
    </message>
    <message>
        <source>printed on the supplement request (Mẫu 02)</source>
        <translation>in trên phiếu yêu cầu bổ sung (Mẫu 02)</translation>
    </message>
    <message>
        <source>Circular 03/2025</source>
        <translation>Thông tư 03/2025</translation>
    </message>
    <message>
        <source>Circular 01/2018 (older)</source>
        <translation>Thông tư 01/2018 (mẫu cũ)</translation>
    </message>
    <message>
        <source>Mẫu 01 on A5</source>
        <translation>Mẫu 01 khổ A5</translation>
    </message>
    <message>
        <source>Empty: the database file on this computer</source>
        <translation>Để trống: dùng tệp cơ sở dữ liệu trên máy này</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Agency electronic ID</source>
        <translation>Mã định danh điện tử</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Place (on forms)</source>
        <translation>Địa danh (ghi trên biểu mẫu)</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Điện thoại liên hệ</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>This PC&apos;s counter number</source>
        <translation>Số quầy của máy này</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Địa chỉ cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>empty: keep the current PIN</source>
        <translation>để trống: giữ mã PIN hiện tại</translation>
    </message>
    <message>
        <source>not set yet: the PIN is 0000, please change it</source>
        <translation>chưa đặt: mã PIN đang là 0000, hãy đổi</translation>
    </message>
    <message>
        <source>PIN to close the kiosk</source>
        <translation>Mã PIN đóng máy lấy số</translation>
    </message>
    <message>
        <source>Read calls aloud on this PC&apos;s display board</source>
        <translation>Đọc lời mời qua loa trên màn hình của máy này</translation>
    </message>
    <message>
        <source>{ticket} is read as the ticket number, {counter} as the counter number.</source>
        <translation>{ticket} được đọc thành số thứ tự, {counter} thành số quầy.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Giọng đọc</translation>
    </message>
    <message>
        <source>Call wording</source>
        <translation>Câu mời</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Printer and scanner</source>
        <translation>Máy in và máy quét</translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation>Đồng bộ với tỉnh</translation>
    </message>
    <message>
        <source>Provincial one-stop system (sync)</source>
        <translation>Hệ thống một cửa của tỉnh (đồng bộ)</translation>
    </message>
    <message>
        <source>https://… (empty: work offline only)</source>
        <translation>https://… (để trống: chỉ làm việc ngoại tuyến)</translation>
    </message>
    <message>
        <source>empty: the agency electronic ID</source>
        <translation>để trống: dùng mã định danh điện tử</translation>
    </message>
    <message>
        <source>stored in this computer&apos;s password store ✓</source>
        <translation>đã lưu trong kho mật khẩu của máy ✓</translation>
    </message>
    <message>
        <source>not stored yet: type the secret the province gave</source>
        <translation>chưa lưu: nhập mật khẩu tỉnh cấp</translation>
    </message>
    <message>
        <source>a .pem file, only if the province asks for it</source>
        <translation>tệp .pem, chỉ khi tỉnh yêu cầu</translation>
    </message>
    <message>
        <source>The display board fills its screen (untick: a window)</source>
        <translation>Bảng hiển thị chiếm toàn màn hình (bỏ chọn: chạy trong cửa sổ)</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>Bảng hiển thị</translation>
    </message>
    <message>
        <source>A new agency electronic ID, counter number, database address or language takes effect when the program restarts; the rest at once.</source>
        <translation>Mã định danh điện tử, số quầy, địa chỉ cơ sở dữ liệu hoặc ngôn ngữ mới có hiệu lực khi chương trình khởi động lại; các cài đặt khác có hiệu lực ngay.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Office sign-in name</source>
        <translation>Tên đăng nhập của đơn vị</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Chứng thư CA bổ sung</translation>
    </message>
    <message>
        <source>Warn when an item waits longer than</source>
        <translation>Cảnh báo khi một mục chờ lâu hơn</translation>
    </message>
    <message>
        <source>Ticket printer (this computer)</source>
        <translation>Máy in vé (máy tính này)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>Network (LAN)</source>
        <translation>Mạng (LAN)</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Cổng nối tiếp (COM)</translation>
    </message>
    <message>
        <source>Windows printer</source>
        <translation>Máy in của Windows</translation>
    </message>
    <message>
        <source>58 mm paper (384 dots)</source>
        <translation>Giấy khổ 58 mm (384 điểm)</translation>
    </message>
    <message>
        <source>80 mm paper (512 dots)</source>
        <translation>Giấy khổ 80 mm (512 điểm)</translation>
    </message>
    <message>
        <source>80 mm paper (576 dots)</source>
        <translation>Giấy khổ 80 mm (576 điểm)</translation>
    </message>
    <message>
        <source>Other / unknown model</source>
        <translation>Mẫu khác / không rõ</translation>
    </message>
    <message>
        <source>Print a test ticket</source>
        <translation>In thử vé</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Mẫu máy in</translation>
    </message>
    <message>
        <source>Print as</source>
        <translation>Cách in</translation>
    </message>
    <message>
        <source>A picture (right on every printer)</source>
        <translation>Hình ảnh (đúng trên mọi máy in)</translation>
    </message>
    <message>
        <source>Text in the printer&apos;s font, code page %1</source>
        <translation>Chữ bằng phông của máy in, bảng mã %1</translation>
    </message>
    <message>
        <source>vendor:product, e.g. 0416:5011</source>
        <translation>mã hãng:mã máy, ví dụ 0416:5011</translation>
    </message>
    <message>
        <source>the printer&apos;s name in Windows</source>
        <translation>tên máy in trong Windows</translation>
    </message>
    <message>
        <source>Test ticket</source>
        <translation>Vé in thử</translation>
    </message>
    <message>
        <source>Queue number</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>If every letter above has its marks, the printer is ready.</source>
        <translation>Nếu mọi chữ ở trên đủ dấu, máy in đã sẵn sàng.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>The test ticket was sent to the printer.</source>
        <translation>Đã gửi vé in thử tới máy in.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the office</source>
        <translation>Thiết lập đơn vị</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Quầy %1</translation>
    </message>
    <message>
        <source>The ticket kiosk</source>
        <translation>Máy lấy số</translation>
    </message>
    <message>
        <source>The display board</source>
        <translation>Bảng hiển thị</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>Network printer %1</source>
        <translation>Máy in mạng %1</translation>
    </message>
    <message>
        <source>USB printer %1</source>
        <translation>Máy in USB %1</translation>
    </message>
    <message>
        <source>Serial-port printer %1</source>
        <translation>Máy in cổng nối tiếp %1</translation>
    </message>
    <message>
        <source>Windows printer %1</source>
        <translation>Máy in Windows %1</translation>
    </message>
    <message>
        <source>the sample bundled with the program</source>
        <translation>danh mục mẫu kèm theo chương trình</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Place name on forms</source>
        <translation>Địa danh trên biểu mẫu</translation>
    </message>
    <message>
        <source>Service areas</source>
        <translation>Khu vực dịch vụ</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Counter %1: %2</source>
        <translation>Quầy %1: %2</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Máy tính này</translation>
    </message>
    <message>
        <source>Ticket printer</source>
        <translation>Máy in phiếu</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s), from %1</source>
        <translation>
            <numerusform>%n thủ tục, từ %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Reception clerk</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>After Finish, sign in with one of the new accounts.</source>
        <translation>Sau khi bấm Hoàn tất, hãy đăng nhập bằng một trong các tài khoản mới.</translation>
    </message>
    <message>
        <source>the ticket kiosk</source>
        <translation>máy lấy số</translation>
    </message>
    <message>
        <source>the display board</source>
        <translation>bảng hiển thị</translation>
    </message>
    <message>
        <source>From its next start this computer opens %1. This time the counter window opens. To open the counter window on this computer later, start the program with: %2</source>
        <translation>Từ lần khởi động sau, máy tính này sẽ mở %1. Lần này cửa sổ quầy sẽ mở. Muốn mở cửa sổ quầy trên máy này về sau, hãy chạy chương trình bằng lệnh: %2</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>This computer</source>
        <translation>Máy tính này</translation>
    </message>
    <message>
        <source>Each computer of the office opens one window: a counter, the kiosk or the display board.</source>
        <translation>Mỗi máy tính của đơn vị mở một cửa sổ: quầy, máy lấy số hoặc bảng hiển thị.</translation>
    </message>
    <message>
        <source>A counter: the clerk calls numbers and receives dossiers</source>
        <translation>Quầy: cán bộ gọi số và tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>The ticket kiosk: citizens take a number by touch</source>
        <translation>Máy lấy số: người dân chạm màn hình để lấy số</translation>
    </message>
    <message>
        <source>The display board: the numbers being called, on the TV</source>
        <translation>Bảng hiển thị: các số đang được gọi, trên màn hình TV</translation>
    </message>
    <message>
        <source>This computer&apos;s counter</source>
        <translation>Quầy của máy này</translation>
    </message>
    <message>
        <source>Counter %1 (calls %2)</source>
        <translation>Quầy %1 (gọi số %2)</translation>
    </message>
    <message>
        <source>The clerks of this counter sign in here with their own accounts.</source>
        <translation>Cán bộ ở quầy này đăng nhập tại đây bằng tài khoản của mình.</translation>
    </message>
    <message>
        <source>From its next start this computer opens the kiosk. This time the counter window opens, so that you can sign in and check the set-up.</source>
        <translation>Từ lần khởi động sau, máy tính này sẽ mở máy lấy số. Lần này cửa sổ quầy sẽ mở để bạn đăng nhập và kiểm tra thiết lập.</translation>
    </message>
    <message>
        <source>From its next start this computer opens the display board. This time the counter window opens, so that you can sign in and check the set-up.</source>
        <translation>Từ lần khởi động sau, máy tính này sẽ mở bảng hiển thị. Lần này cửa sổ quầy sẽ mở để bạn đăng nhập và kiểm tra thiết lập.</translation>
    </message>
</context>
<context>
    <name>StepDialogs</name>
    <message>
        <source>Result: no decision recorded</source>
        <translation>Kết quả: chưa ghi nhận văn bản kết quả</translation>
    </message>
    <message>
        <source>Result: refusal letter no. %1 of %2 — refused: %3</source>
        <translation>Kết quả: văn bản trả lời số %1 ngày %2 — từ chối: %3</translation>
    </message>
    <message>
        <source>Result: decision no. %1 of %2 — approved</source>
        <translation>Kết quả: văn bản số %1 ngày %2 — chấp thuận</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready to save</source>
        <translation>Sẵn sàng lưu</translation>
    </message>
    <message>
        <source>Check what will be saved: Back returns to the earlier pages, Finish saves everything at once.</source>
        <translation>Hãy kiểm tra những gì sẽ được lưu: nút Quay lại để trở về các trang trước, nút Hoàn tất để lưu tất cả cùng lúc.</translation>
    </message>
    <message>
        <source>Saving: the settings, the office, its areas and counters, the catalogue and the accounts. This takes a few seconds.</source>
        <translation>Đang lưu: cài đặt, đơn vị, các khu vực và quầy, danh mục và các tài khoản. Việc này mất vài giây.</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <source>Sync with the provincial system</source>
        <translation>Đồng bộ với hệ thống của tỉnh</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ lúc</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Dossier or ticket</source>
        <translation>Hồ sơ hoặc phiếu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Diễn biến</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Chờ gửi lên tỉnh</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Send refused items again</source>
        <translation>Gửi lại các mục bị từ chối</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n giờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Province: not set up (working offline)</source>
        <translation>Tỉnh: chưa cài đặt (làm việc ngoại tuyến)</translation>
    </message>
    <message>
        <source>Province: connecting…</source>
        <translation>Tỉnh: đang kết nối…</translation>
    </message>
    <message>
        <source>Province: online</source>
        <translation>Tỉnh: trực tuyến</translation>
    </message>
    <message>
        <source>Province: syncing…</source>
        <translation>Tỉnh: đang đồng bộ…</translation>
    </message>
    <message>
        <source>Province: offline</source>
        <translation>Tỉnh: mất kết nối</translation>
    </message>
    <message>
        <source>Province: sync stopped</source>
        <translation>Tỉnh: đồng bộ đã dừng</translation>
    </message>
    <message>
        <source>Province: synced by another PC</source>
        <translation>Tỉnh: máy khác đang đồng bộ</translation>
    </message>
    <message>
        <source>(file %1 of %2)</source>
        <translation>(tệp %1/%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n mục chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>cũ nhất %1</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>đồng bộ lúc %1</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n mục bị từ chối</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) today</source>
        <translation>
            <numerusform>%n xung đột hôm nay</numerusform>
        </translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation>Thử lại lúc %1.</translation>
    </message>
    <message>
        <source>Click for the sync log.</source>
        <translation>Bấm để xem nhật ký đồng bộ.</translation>
    </message>
</context>
<context>
    <name>UndoStepDialog</name>
    <message>
        <source>Undo the last step of %1</source>
        <translation>Hủy bước xử lý cuối của hồ sơ %1</translation>
    </message>
    <message>
        <source>Last step: “%1”, %2, by %3.</source>
        <translation>Bước cuối: “%1”, lúc %2, do %3 thực hiện.</translation>
    </message>
    <message>
        <source>The dossier goes back to “%1”.</source>
        <translation>Hồ sơ trở về trạng thái “%1”.</translation>
    </message>
    <message>
        <source>The step stays in the dossier&apos;s history, marked as undone; the activity log records who undid it and why, and the provincial system receives the correction.</source>
        <translation>Bước này vẫn được giữ trong quá trình xử lý của hồ sơ, có đánh dấu đã hủy; nhật ký hoạt động ghi người hủy và lý do; hệ thống của tỉnh nhận thông tin điều chỉnh.</translation>
    </message>
    <message>
        <source>Why it is undone</source>
        <translation>Lý do hủy</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Undo the step</source>
        <translation>Hủy bước</translation>
    </message>
    <message>
        <source>Write why the step is undone.</source>
        <translation>Hãy ghi lý do hủy bước.</translation>
    </message>
</context>
</TS>
